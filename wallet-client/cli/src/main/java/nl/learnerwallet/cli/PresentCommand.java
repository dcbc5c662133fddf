package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.learnerwallet.client.share.Presentations;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet present ID}: one credential as a standard presentation, for a verifier that is not
 * our share page — an SD-JWT with a key binding ({@code <issuer-jwt>~<disclosure>~...~<kb-jwt>}),
 * or for a VC-JWT a holder-signed {@code vp+jwt} — written to a file, or packed into an offline
 * QR code ({@code LW1:}) that {@code wallet verify IMAGE --offline} checks without any network.
 */
@Command(name = "present", description = "Present one credential (only the claims you choose) to a verifier: as a file, or as an offline QR code; "
        + "or answer a verifier's OpenID4VP request (--request).")
final class PresentCommand extends Subcommand implements Callable<Integer> {

    /** Who an offline QR code is for: whoever scans it. */
    static final String OFFLINE_AUDIENCE = "urn:learnerwallet:offline";
    static final String DEFAULT_AUDIENCE = "urn:learnerwallet:presentation";

    @Parameters(paramLabel = "ID", arity = "0..1", descriptionKey = "param.presentId", description = "The credential to present.")
    String id;

    @Option(names = "--request", paramLabel = "URI|QR_IMAGE", descriptionKey = "option.request",
            description = "Answer a verifier's OpenID4VP request (openid4vp://... or an image of its QR code): shows who asks and for what, "
                    + "and sends what matches only when you agree.")
    String request;

    @Option(names = "--choose", paramLabel = "QUERY=ID", descriptionKey = "option.choose",
            description = "With --request: which of your credentials answers a query where several match.")
    Map<String, String> choose = new LinkedHashMap<>();

    @Option(names = "--yes", descriptionKey = "option.yes",
            description = "With --request: agree to send what is shown, without being asked (for scripts; read it first).")
    boolean yes;

    @Option(names = "--withhold", paramLabel = "CLAIM", split = ",", descriptionKey = "option.withhold",
            description = "With --request: keep back a claim the verifier asked for (it may then refuse the answer).")
    List<String> withhold = new ArrayList<>();

    @Option(names = "--include-optional", descriptionKey = "option.includeOptional",
            description = "With --request: also send what the verifier asks for as optional.")
    boolean includeOptional;

    @Option(names = "--disclose", paramLabel = "CLAIM", arity = "1..*", split = ",", descriptionKey = "option.disclose",
            description = "For SD-JWT credentials: the claims to show (dotted for nested ones, '*' for all); the rest stay hidden. Without it you are asked.")
    List<String> disclose = new ArrayList<>();

    @Option(names = "--aud", paramLabel = "AUDIENCE", descriptionKey = "option.aud",
            description = "Who the presentation is for, as the verifier asked (default " + DEFAULT_AUDIENCE + ").")
    String audience;

    @Option(names = "--nonce", paramLabel = "NONCE", descriptionKey = "option.nonce",
            description = "The verifier's nonce (default: a random one, printed).")
    String nonce;

    @Option(names = "--valid-for", paramLabel = "DURATION", defaultValue = "30d", descriptionKey = "option.validFor",
            description = "With --offline: how long the QR code is accepted (default 30d).")
    String validFor;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Output output;

    /** Where the presentation goes: a file, or an offline QR code. */
    static final class Output {
        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "option.presentOut",
                description = "Write the presentation to FILE.")
        Path file;

        @ArgGroup(exclusive = false)
        Offline offline;
    }

    /** {@code --offline --qr FILE.png}. */
    static final class Offline {
        @Option(names = "--offline", required = true, descriptionKey = "option.presentOffline",
                description = "Put the presentation itself inside the QR code, to be verified without network.")
        boolean offline;

        @Option(names = "--qr", paramLabel = "FILE.png", required = true, descriptionKey = "option.presentQr",
                description = "Write the offline QR code to a PNG file.")
        Path qr;
    }

    @Override
    public Integer call() {
        WalletCommand root = root();
        if (request != null) {
            if (id != null || output != null || !disclose.isEmpty() || audience != null || nonce != null) {
                throw new CliException(ExitCode.BAD_INPUT, "USAGE", Messages.get("request.usage"));
            }
            return new VerifierRequestAnswer(root, choose, yes, includeOptional, withhold).answer(request);
        }
        if (yes || includeOptional || !choose.isEmpty() || !withhold.isEmpty()) {
            throw new CliException(ExitCode.BAD_INPUT, "USAGE", Messages.get("request.onlyWithRequest"));
        }
        if (id == null || output == null) {
            throw new CliException(ExitCode.BAD_INPUT, "USAGE", Messages.get("present.usage"));
        }
        boolean offline = output.offline != null;
        Instant now = root.context().clock().instant();
        String aud = audience != null ? audience : offline ? OFFLINE_AUDIENCE : DEFAULT_AUDIENCE;
        String theNonce = nonce != null ? nonce : randomNonce(root);
        Instant expires = offline ? now.plus(Durations.parse(validFor)) : null;
        String presentation;
        StoredCredential credential;
        try (Wallet wallet = root.unlock()) {
            credential = wallet.credential(id);
            presentation = present(root, wallet, credential, aud, theNonce, now, expires, offline);
        }
        if (offline) {
            String qrText = OfflinePresentation.encode(presentation);
            int version = QrCodes.offlineVersionFor(qrText);
            if (version > QrCodes.MAX_OFFLINE_VERSION) {
                throw new CliException(ExitCode.BAD_INPUT, "TOO_LARGE_FOR_QR",
                        Messages.get("present.tooLargeForQr", qrText.length(), version, QrCodes.MAX_OFFLINE_VERSION, credential.id()));
            }
            try {
                QrImages.writePng(QrCodes.encodeOffline(qrText), output.offline.qr);
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", output.offline.qr));
            }
            report(root, output.offline.qr, aud, theNonce, expires, qrText.length(), version);
        } else {
            try {
                Files.write(output.file, presentation.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", output.file));
            }
            report(root, output.file, aud, theNonce, null, null, null);
        }
        return ExitCode.OK;
    }

    private String present(WalletCommand root, Wallet wallet, StoredCredential credential, String aud, String theNonce,
            Instant now, Instant expires, boolean offline) {
        if (credential.format() == CredentialFormat.SD_JWT_VC) {
            List<String> claims = DisclosureChoice.resolve(root, wallet, Collections.singletonList(credential.id()), disclose);
            return SdJwtPresenter.present(new String(wallet.presentable(credential), StandardCharsets.US_ASCII), claims,
                    wallet.holderKey(), aud, theNonce, now, expires);
        }
        if (!disclose.isEmpty()) {
            throw new CliException(ExitCode.BAD_INPUT, "NOT_SELECTIVE", Messages.get("present.notSelective"));
        }
        if (offline && credential.format() != CredentialFormat.OB3_JWT) {
            throw new CliException(ExitCode.BAD_INPUT, "NOT_OFFLINE", Messages.get("present.notOffline", credential.id()));
        }
        List<Presentations.Enveloped> one = Collections.singletonList(Presentations.Enveloped.of(wallet, credential));
        return Presentations.sign(wallet.holderKey(), one, aud, theNonce, now, expires, Collections.<Identity>emptyList());
    }

    private static String randomNonce(WalletCommand root) {
        byte[] bytes = new byte[16];
        root.context().random().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void report(WalletCommand root, Path written, String aud, String theNonce, Instant expires, Integer qrLength,
            Integer version) {
        if (root.json()) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("file", written.toString());
            document.put("aud", aud);
            document.put("nonce", theNonce);
            if (expires != null) {
                document.put("expiresAt", expires.toString());
            }
            if (qrLength != null) {
                document.put("qrCharacters", qrLength);
                document.put("qrVersion", version);
            }
            root.printJson(document);
            return;
        }
        if (qrLength != null) {
            root.out().println(Messages.get("present.qrWritten", written, qrLength, version, expires));
        } else {
            root.out().println(Messages.get("present.written", written, aud, theNonce));
        }
    }

}
