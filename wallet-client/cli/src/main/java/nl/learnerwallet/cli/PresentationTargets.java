package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.CardJson;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.verify.ReportJson;

/**
 * {@code wallet verify} for what an employer holds: a share link, a QR code image of one, or a
 * downloaded presentation. Verified here, on the client, with the same verdicts as the page.
 */
final class PresentationTargets {

    private PresentationTargets() {
    }

    /**
     * The exit code when the target is a presentation this class handles, else null.
     *
     * @param file the target's bytes when it is a file, else null
     */
    static Integer verify(WalletCommand root, String target, byte[] file, boolean offline) {
        String presentation = presentationOf(root, target, file, offline);
        if (presentation == null) {
            return null;
        }
        // Offline, issuer keys come from did:jwk and did:key, or from those pinned in the trust list.
        nl.learnerwallet.model.jose.IssuerKeyResolver issuerKeys = offline
                ? PinnedKeys.offline(root, root.home().trustList()) : root.context().issuerKeys();
        PresentationVerifier verifier = new PresentationVerifier(root.context().issuerKeys(),
                new CredentialVerifier(issuerKeys, offline ? null : root.context().fetcher()));
        // Whoever holds the presentation is its audience: any aud and nonce, and its age not judged
        // (an offline QR's key binding carries its own expiry, which is).
        PresentationReport report = isSdJwtPresentation(presentation)
                ? verifier.verifySdJwt(presentation, PresentationVerifier.Expectation.none(), root.home().trustList(),
                        root.context().clock())
                : verifier.verify(presentation, PresentationVerifier.Expectation.none(), root.home().trustList(),
                        root.context().clock());
        print(root, report);
        return ExitCode.forStatus(report.status());
    }

    /** An SD-JWT with a key binding after its last {@code ~}: a presentation, not a credential to import. */
    static boolean isSdJwtPresentation(String text) {
        return SdJwt.looksLike(text) && !text.endsWith("~");
    }

    private static String presentationOf(WalletCommand root, String target, byte[] bytes, boolean offline) {
        if (Inputs.isUrl(target)) {
            return isShareLink(target) ? download(root, target, offline) : null;
        }
        if (bytes == null) {
            return null;
        }
        if (QrImages.isImage(bytes)) {
            if (isBakedBadge(bytes)) {
                return null; // its chunks are read without decoding pixels, by the credential reader
            }
            String text;
            try {
                text = QrImages.read(Paths.get(target));
            } catch (IllegalArgumentException noQrCode) {
                return null; // a baked badge image, say: not ours to read
            }
            if (isShareLink(text)) {
                return download(root, text, offline);
            }
            if (OfflinePresentation.looksLike(text)) {
                try {
                    return OfflinePresentation.decode(text);
                } catch (UntrustedInputException e) {
                    throw new CliException(ExitCode.BAD_INPUT, "BAD_OFFLINE_QR", Messages.get("error.badOfflineQr", e.getMessage()));
                }
            }
            throw new CliException(ExitCode.BAD_INPUT, "NOT_A_SHARE_LINK", Messages.get("error.notAShareLink"));
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (OfflinePresentation.looksLike(text)) {
            try {
                return OfflinePresentation.decode(text);
            } catch (UntrustedInputException e) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_OFFLINE_QR", Messages.get("error.badOfflineQr", e.getMessage()));
            }
        }
        return isPresentationJwt(text) || isSdJwtPresentation(text) ? text : null;
    }

    /** Whether the image carries a credential in its chunks: then it is a badge, not a QR code to decode. */
    private static boolean isBakedBadge(byte[] bytes) {
        try {
            CredentialReader.read(bytes);
            return true;
        } catch (UntrustedInputException noCredential) {
            return false;
        }
    }

    /** A link of the form {@code https://host/s/TOKEN}. */
    static boolean isShareLink(String text) {
        try {
            URI uri = new URI(text.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getPath() != null
                    && uri.getPath().matches("(/.*)?/s/[A-Za-z0-9_-]{27}/?");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isPresentationJwt(String text) {
        int dot = text.indexOf('.');
        if (!text.startsWith("eyJ") || dot < 0 || dot > 8192) {
            return false;
        }
        try {
            String header = new String(java.util.Base64.getUrlDecoder().decode(text.substring(0, dot)), StandardCharsets.UTF_8);
            return header.contains("vp+jwt");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String download(WalletCommand root, String link, boolean offline) {
        if (offline || root.context().fetcher() == null) {
            throw new CliException(ExitCode.UNREACHABLE, "OFFLINE", Messages.get("error.offlineLink"));
        }
        String url = link.trim().replaceAll("/$", "") + "/presentation";
        try {
            return new String(root.context().fetcher().fetch(url).body(), StandardCharsets.UTF_8);
        } catch (FetchException e) {
            throw new CliException(ExitCode.UNREACHABLE, "LINK_UNAVAILABLE", Messages.get("error.linkUnavailable"));
        }
    }

    private static void print(WalletCommand root, PresentationReport report) {
        if (root.json()) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("status", report.status().name());
            document.put("checkedAt", report.checkedAt().toString());
            document.put("holder", report.holder());
            ArrayNode checks = document.putArray("checks");
            checks.add(ReportJson.write(report.holderBinding()));
            ArrayNode credentials = document.putArray("credentials");
            for (PresentedCredential credential : report.credentials()) {
                ObjectNode each = ReportJson.write(credential.report());
                if (credential.card() != null) {
                    each.put("title", credential.card().title());
                    each.put("kind", credential.card().kind().name());
                    each.set("card", CardJson.write(credential.card()));
                }
                if (credential.format() != null) {
                    each.put("format", credential.format().id());
                }
                ArrayNode withheld = each.putArray("withheldClaims");
                credential.withheldClaims().forEach(withheld::add);
                credentials.add(each);
            }
            root.printJson(document);
            return;
        }
        root.out().println(report.holder() == null ? Messages.get("verify.notSigned")
                : Messages.get("verify.presentation", report.holder()));
        for (PresentedCredential credential : report.credentials()) {
            root.out().println();
            if (credential.card() != null) {
                // What a presentation discloses is what it shows; the issued credential's choices are not the verifier's.
                Reports.printCard(root.out(), credential.card().toBuilder().disclosableClaims(java.util.Collections.<String>emptyList()).build(),
                        credential.format() != nl.learnerwallet.model.CredentialFormat.SD_JWT_VC);
            }
            if (!credential.withheldClaims().isEmpty()) {
                root.out().println(Messages.get("verify.withheld", String.join(", ", credential.withheldClaims())));
            }
            Reports.printChecks(root.out(), credential.report());
        }
    }
}
