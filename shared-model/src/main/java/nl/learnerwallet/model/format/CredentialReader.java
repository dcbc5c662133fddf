package nl.learnerwallet.model.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.baked.SvgBadgeReader;
import nl.learnerwallet.model.ob2.SignedBadgeVerifier;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * Finds the credential in imported bytes, deciding the format from the content, never from a
 * file name: a baked PNG or SVG badge (whatever it carries is read as below), a compact JWS —
 * an OB 2.0 signed assertion when its payload is an assertion, else a VC-JWT — a JSON string
 * holding one, a JSON object holding one under {@code credential} (an OpenID4VCI credential
 * response) or {@code credentials[0].credential}, an OB 2.0 assertion (hosted), an OB 3.0 / VC
 * with a Data Integrity {@code proof}, an SD-JWT VC ({@code <jwt>~<disclosure>~...~}), a
 * self-declared entry ({@code "type": "LearnerWalletSelfDeclared"}, see {@link SelfDeclaredEntry}),
 * or (inside a baked badge) the URL of a hosted assertion.
 * The size limit is applied before anything is decoded.
 */
public final class CredentialReader {

    /** Baked badge images are the largest inputs; real ones stay well under this. */
    public static final int MAX_INPUT_BYTES = 8 * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private CredentialReader() {
    }

    /**
     * @throws UntrustedInputException {@code TOO_LARGE}, {@code NOT_TEXT}, {@code NOT_JSON},
     *     {@code TOO_DEEP}, {@code DUPLICATE_KEY} or {@code UNKNOWN_FORMAT}
     */
    public static ReadCredential read(byte[] input) {
        if (input.length > MAX_INPUT_BYTES) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "the input is larger than 8 MiB");
        }
        if (startsWith(input, PNG_SIGNATURE)) {
            return fromBaked(PngBadgeReader.read(input).payload());
        }
        String text = strictUtf8(input).trim();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).trim();
        }
        if (text.isEmpty()) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the input is empty");
        }
        char first = text.charAt(0);
        if (first == '{' || first == '[' || first == '"') {
            return fromJson(StrictJson.parse(text.getBytes(StandardCharsets.UTF_8)), text);
        }
        if (first == '<') {
            return fromBaked(SvgBadgeReader.read(text).payload());
        }
        return fromCompact(text);
    }

    /** What a baked image carried: JSON, a compact JWS, or only the URL of a hosted assertion. */
    private static ReadCredential fromBaked(String payload) {
        String text = payload.trim();
        ReadCredential read;
        if (text.startsWith("{") || text.startsWith("\"")) {
            read = fromJson(StrictJson.parse(text.getBytes(StandardCharsets.UTF_8)), text);
        } else if (text.startsWith("https://") || text.startsWith("http://")) {
            read = new ReadCredential(CredentialFormat.OB2_HOSTED, text);
        } else {
            read = fromCompact(text);
        }
        return new ReadCredential(read.format(), read.encoded(), true);
    }

    private static ReadCredential fromJson(JsonNode json, String text) {
        if (SelfDeclaredEntry.isEntry(json)) {
            // The verifier names what is wrong with its fields.
            return new ReadCredential(CredentialFormat.SELF_DECLARED, text);
        }
        if (json.isTextual()) {
            return fromCompact(json.asText().trim());
        }
        JsonNode credential = json.path("credential");
        if (credential.isTextual()) {
            return fromCompact(credential.asText().trim());
        }
        JsonNode credentials = json.path("credentials");
        if (credentials.isArray() && credentials.size() > 0 && credentials.get(0).path("credential").isTextual()) {
            return fromCompact(credentials.get(0).path("credential").asText().trim());
        }
        if (json.isObject() && json.has("proof") && json.has("credentialSubject")) {
            return new ReadCredential(CredentialFormat.OB3_DI, text);
        }
        if (json.isObject() && (json.has("recipient") || json.has("badge"))) {
            String verification = json.path("verification").path("type").asText("hosted").toLowerCase(java.util.Locale.ROOT);
            if (verification.contains("signed")) {
                throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                        "a signed Open Badge without its signature cannot be verified");
            }
            return new ReadCredential(CredentialFormat.OB2_HOSTED, text);
        }
        throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the JSON holds no credential this wallet knows");
    }

    private static ReadCredential fromCompact(String text) {
        if (text.indexOf('~') >= 0) {
            if (!SdJwt.looksLike(text)) {
                throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the input is not a credential this wallet knows");
            }
            // The verifier names what is wrong with the disclosures or the key binding.
            return new ReadCredential(CredentialFormat.SD_JWT_VC, text);
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                dots++;
            }
        }
        if (dots == 2 && text.startsWith("eyJ") && SignedBadgeVerifier.payload(text) != null) {
            JsonNode payload = SignedBadgeVerifier.payload(text);
            if (payload.has("recipient") && payload.has("badge") && !payload.has("vc")
                    && !payload.has("credentialSubject")) {
                return new ReadCredential(CredentialFormat.OB2_SIGNED, text);
            }
        }
        if (dots >= 1 && text.startsWith("eyJ")) {
            // Two-part or four-part tokens are handed on: the verifier names what is wrong with them.
            return new ReadCredential(CredentialFormat.OB3_JWT, text);
        }
        throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the input is not a credential this wallet knows");
    }

    private static String strictUtf8(byte[] input) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input)).toString();
        } catch (CharacterCodingException e) {
            throw new UntrustedInputException(InputProblem.NOT_TEXT, "the input is neither text nor a known image", e);
        }
    }

    private static boolean startsWith(byte[] input, byte[] prefix) {
        if (input.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (input[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
