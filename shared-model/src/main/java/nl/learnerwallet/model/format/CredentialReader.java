package nl.learnerwallet.model.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * Finds the credential in imported bytes, deciding the format from the content, never from a
 * file name: a compact VC-JWT, a JSON string holding one, or a JSON object holding one under
 * {@code credential} (an OpenID4VCI credential response) or {@code credentials[0].credential}.
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
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                    "baked PNG badges cannot be imported by this version yet");
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
            return fromJson(StrictJson.parse(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (first == '<') {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                    "baked SVG badges cannot be imported by this version yet");
        }
        return fromCompact(text);
    }

    private static ReadCredential fromJson(JsonNode json) {
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
        if (json.has("proof")) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                    "credentials with Data Integrity proofs cannot be imported by this version yet");
        }
        if (json.has("recipient") || json.has("badge")) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                    "Open Badges 2.0 assertions cannot be imported by this version yet");
        }
        throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the JSON holds no credential this wallet knows");
    }

    private static ReadCredential fromCompact(String text) {
        if (text.indexOf('~') >= 0) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT,
                    "SD-JWT credentials cannot be imported by this version yet");
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                dots++;
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
