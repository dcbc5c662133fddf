package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * A JWT in JWS compact serialization (RFC 7515 §7.1), read strictly but not verified: exactly three
 * parts of strict base64url, and a header and payload that are JSON objects as {@link StrictJson}
 * accepts them. For signed JWTs that are not credentials (presentations, status list tokens);
 * {@link VcJwt} reads credentials.
 */
public final class CompactJwt {

    private final String token;
    private final JsonNode header;
    private final JsonNode payload;

    private CompactJwt(String token, JsonNode header, JsonNode payload) {
        this.token = token;
        this.header = header;
        this.payload = payload;
    }

    /**
     * @param maxLength the longest token accepted; a longer one is refused before it is decoded
     * @throws CredentialFormatException {@code TOO_LARGE}, {@code NOT_A_JWT}, {@code BAD_ENCODING}
     *     or {@code BAD_JSON}
     */
    public static CompactJwt parse(String token, int maxLength) {
        if (token.length() > maxLength) {
            throw new CredentialFormatException(Reason.TOO_LARGE, "the token is longer than " + maxLength + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new CredentialFormatException(Reason.NOT_A_JWT, "a JWT has exactly three parts");
        }
        for (String part : parts) {
            if (!Base64UrlText.isStrict(part)) {
                throw new CredentialFormatException(Reason.BAD_ENCODING, "the JWT is not strict base64url");
            }
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = StrictJson.parse(Base64.getUrlDecoder().decode(parts[0]));
            payload = StrictJson.parse(Base64.getUrlDecoder().decode(parts[1]));
        } catch (UntrustedInputException | IllegalArgumentException e) {
            throw new CredentialFormatException(Reason.BAD_JSON, "the JWT header or payload is not JSON", e);
        }
        if (!header.isObject() || !payload.isObject()) {
            throw new CredentialFormatException(Reason.BAD_JSON, "the JWT header and payload must be JSON objects");
        }
        return new CompactJwt(token, header, payload);
    }

    /**
     * Whether the header's {@code typ} is this media type, compared case-insensitively and with or
     * without its {@code application/} prefix (RFC 7515 §4.1.9).
     *
     * @param mediaType without the prefix, e.g. {@code statuslist+jwt}
     */
    public boolean hasType(String mediaType) {
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual()) {
            return false;
        }
        String value = typ.asText().toLowerCase(Locale.ROOT);
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        return value.equals(wanted) || value.equals("application/" + wanted);
    }

    public String token() {
        return token;
    }

    /** The first part, as sent: what nimbus parses the JWS header from. */
    String headerPart() {
        return token.substring(0, token.indexOf('.'));
    }

    byte[] signingInput() {
        return signingInput(token);
    }

    Base64URL signature() {
        return signature(token);
    }

    /** The signing input of a compact JWS: its first two parts, as ASCII. */
    static byte[] signingInput(String compact) {
        return compact.substring(0, compact.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /** The signature of a compact JWS: its last part. */
    static Base64URL signature(String compact) {
        return new Base64URL(compact.substring(compact.lastIndexOf('.') + 1));
    }

    public JsonNode header() {
        return header;
    }

    public JsonNode payload() {
        return payload;
    }
}
