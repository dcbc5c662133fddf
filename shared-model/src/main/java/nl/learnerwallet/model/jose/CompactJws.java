package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Locale;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * A JWS in compact form (RFC 7515 §7.1), parsed strictly but not yet verified: exactly three parts
 * of strict base64url, a header and payload that are JSON objects within {@link StrictJson}'s
 * limits. The common ground of credentials ({@link VcJwt}), presentations ({@link HolderJwt}),
 * SD-JWT issuer tokens and key bindings, and status list tokens.
 */
public final class CompactJws {

    private static final int MAX_HEADER_LENGTH = 8 * 1024;

    private final String headerPart;
    private final String payloadPart;
    private final String signaturePart;
    private final JsonNode header;
    private final JsonNode payload;

    private CompactJws(String headerPart, String payloadPart, String signaturePart, JsonNode header, JsonNode payload) {
        this.headerPart = headerPart;
        this.payloadPart = payloadPart;
        this.signaturePart = signaturePart;
        this.header = header;
        this.payload = payload;
    }

    /**
     * @param maxLength refused above this many characters, before anything is decoded
     * @throws CredentialFormatException TOO_LARGE, NOT_A_JWT, BAD_ENCODING or BAD_JSON
     */
    public static CompactJws parse(String token, int maxLength) {
        if (token.length() > maxLength) {
            throw new CredentialFormatException(Reason.TOO_LARGE, "the token is larger than " + (maxLength / 1024) + " KiB");
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
            throw new CredentialFormatException(Reason.NOT_A_JWT, "a JWT has exactly three parts");
        }
        String headerPart = token.substring(0, firstDot);
        String payloadPart = token.substring(firstDot + 1, secondDot);
        String signaturePart = token.substring(secondDot + 1);
        if (headerPart.length() > MAX_HEADER_LENGTH) {
            throw new CredentialFormatException(Reason.TOO_LARGE, "the JWT header is larger than 8 KiB");
        }
        // An empty signature is let through: an unsigned token is refused by its header (alg none), by name.
        if (headerPart.isEmpty() || payloadPart.isEmpty() || !Base64UrlText.isStrict(headerPart)
                || !Base64UrlText.isStrict(payloadPart) || !Base64UrlText.isStrict(signaturePart)) {
            throw new CredentialFormatException(Reason.BAD_ENCODING, "the JWT is not strict base64url");
        }
        JsonNode header = json(headerPart);
        JsonNode payload = json(payloadPart);
        if (!header.isObject() || !payload.isObject()) {
            throw new CredentialFormatException(Reason.BAD_JSON, "the JWT header and payload must be JSON objects");
        }
        return new CompactJws(headerPart, payloadPart, signaturePart, header, payload);
    }

    private static JsonNode json(String part) {
        try {
            return StrictJson.parse(Base64.getUrlDecoder().decode(part));
        } catch (IllegalArgumentException e) {
            throw new CredentialFormatException(Reason.BAD_ENCODING, "the JWT is not base64url", e);
        } catch (UntrustedInputException e) {
            throw new CredentialFormatException(Reason.BAD_JSON, e.getMessage(), e);
        }
    }

    /** Whether the header's {@code typ} is one of these media types (with or without {@code application/}). */
    public boolean hasType(String... accepted) {
        JsonNode typ = header.get("typ");
        if (typ == null || !typ.isTextual()) {
            return false;
        }
        String value = typ.asText().toLowerCase(Locale.ROOT);
        if (value.startsWith("application/")) {
            value = value.substring("application/".length());
        }
        for (String each : accepted) {
            if (each.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The header as nimbus reads it, for key selection and signature checks. */
    public JWSHeader jwsHeader() {
        try {
            return JWSHeader.parse(new Base64URL(headerPart));
        } catch (ParseException e) {
            throw new CredentialFormatException(Reason.BAD_JSON, "the JWT header is not a JWS header", e);
        }
    }

    /** Whether this key signed the token, with an algorithm allowed for the key. */
    public boolean signedBy(IssuerKey key) {
        return key.verify(jwsHeader(), signingInput(), new Base64URL(signaturePart));
    }

    public byte[] signingInput() {
        return (headerPart + "." + payloadPart).getBytes(StandardCharsets.US_ASCII);
    }

    /** The token as given. */
    public String token() {
        return toString();
    }

    /** The first part, as sent: what nimbus parses the JWS header from. */
    String headerPart() {
        return headerPart;
    }

    public Base64URL signature() {
        return new Base64URL(signaturePart);
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

    /** A NumericDate claim of the payload, or null when absent. */
    public java.time.Instant seconds(String claim) {
        return numericDate(payload, claim);
    }

    /**
     * A NumericDate claim (RFC 7519 §2): a JSON number of seconds within what Instant can hold.
     *
     * @return null when the claim is absent
     * @throws CredentialFormatException {@code BAD_CLAIM} when it is anything else
     */
    public static java.time.Instant numericDate(JsonNode claims, String claim) {
        JsonNode value = claims.get(claim);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !value.canConvertToLong() || Math.abs(value.asDouble()) > 253402300799d) {
            throw new CredentialFormatException(Reason.BAD_CLAIM, claim + " is not a valid NumericDate");
        }
        return java.time.Instant.ofEpochSecond(value.asLong());
    }

    @Override
    public String toString() {
        return headerPart + "." + payloadPart + "." + signaturePart;
    }
}
