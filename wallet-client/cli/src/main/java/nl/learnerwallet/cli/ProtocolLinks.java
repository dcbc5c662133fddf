package nl.learnerwallet.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import nl.learnerwallet.client.oid4vc.Oid4vcException;

/** What {@code receive} and {@code present --request} share: the link from an argument or a QR image, and their failures. */
final class ProtocolLinks {

    private ProtocolLinks() {
    }

    /**
     * The link itself, or the text of the QR code in an image file (a photo or screenshot of the
     * issuer's or verifier's QR code).
     */
    static String read(String argument) {
        if (argument.indexOf(':') > 0 && !Inputs.isFile(argument)) {
            return argument;
        }
        byte[] bytes = Inputs.readFile(argument);
        if (!QrImages.isImage(bytes)) {
            throw new CliException(ExitCode.BAD_INPUT, "NOT_A_LINK", Messages.get("protocol.notALink", argument));
        }
        Path file = Paths.get(argument);
        try {
            return QrImages.read(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_QR_CODE", Messages.get("protocol.noQrCode", argument));
        }
    }

    static int exitCode(Oid4vcException.Problem problem) {
        switch (problem) {
            case UNREACHABLE:
            case DEFERRED_TIMEOUT:
            case ISSUER_REFUSED:
            case VERIFIER_REFUSED:
                return ExitCode.UNREACHABLE;
            case NOTHING_MATCHES:
            case DECLINED:
                return ExitCode.NOT_VERIFIED;
            default:
                return ExitCode.BAD_INPUT;
        }
    }

    /**
     * One sentence: the exchange's own words (they name the claim, issuer or address at fault),
     * led in Dutch by what happened where the learner reads Dutch.
     */
    static String sentence(Oid4vcException failure) {
        String detail = failure.getMessage();
        String capitalised = detail.isEmpty() ? detail : detail.substring(0, 1).toUpperCase(Locale.ROOT) + detail.substring(1);
        String english = capitalised.endsWith(".") ? capitalised : capitalised + ".";
        String localised = Messages.getOr("oid4vc." + failure.problem().name(), null);
        return localised == null ? english : Messages.get("oid4vc." + failure.problem().name(), detail);
    }
}
