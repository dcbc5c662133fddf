package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.util.Base64URL;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * A W3C Verifiable Credential secured as a JWS in compact form, parsed but not yet verified:
 * the OB 3.0 / VC-JWT 1.1 form with the credential in the {@code vc} claim
 * ({@code issuanceDate}/{@code expirationDate}, {@code nbf}/{@code exp}) and the VC-JOSE-COSE
 * (VC 2.0) form whose payload is the credential itself ({@code validFrom}/{@code validUntil}).
 */
public final class VcJwt {

    /** Far above any real credential; a token of this size is refused before it is decoded. */
    public static final int MAX_TOKEN_LENGTH = 512 * 1024;

    private final String token;
    private final String headerPart;
    private final JsonNode header;
    private final JsonNode payload;
    private final JsonNode credential;
    private final String issuerId;
    private final Instant issuedOn;
    private final Instant validFrom;
    private final Instant validUntil;

    private VcJwt(String token, String headerPart, JsonNode header, JsonNode payload, JsonNode credential,
            String issuerId, Instant issuedOn, Instant validFrom, Instant validUntil) {
        this.token = token;
        this.headerPart = headerPart;
        this.header = header;
        this.payload = payload;
        this.credential = credential;
        this.issuerId = issuerId;
        this.issuedOn = issuedOn;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /** @throws CredentialFormatException when the token is not a VC-JWT (reason says which way) */
    public static VcJwt parse(String token) {
        CompactJws jws = CompactJws.parse(token, MAX_TOKEN_LENGTH);
        String headerPart = token.substring(0, token.indexOf('.'));
        JsonNode header = jws.header();
        JsonNode payload = jws.payload();
        checkType(header);
        JsonNode credential = payload.path("vc");
        boolean vcClaimForm = credential.isObject();
        if (!vcClaimForm) {
            credential = payload;
        }
        if (!hasType(credential.path("type"), "VerifiableCredential")) {
            throw new CredentialFormatException(Reason.NOT_A_CREDENTIAL,
                    "the JWT does not carry a VerifiableCredential");
        }
        String issuerId = issuerId(payload, credential);
        // Every date is read (and so checked) once, whichever of them wins below.
        Instant credentialValidFrom = date(credential, "validFrom");
        Instant issuanceDate = date(credential, "issuanceDate");
        Instant iat = seconds(payload, "iat");
        Instant nbf = seconds(payload, "nbf");
        Instant exp = seconds(payload, "exp");
        Instant credentialValidUntil = date(credential, "validUntil");
        Instant expirationDate = date(credential, "expirationDate");
        Instant issuedOn = firstOf(credentialValidFrom, issuanceDate, iat, nbf);
        Instant validFrom = firstOf(nbf, credentialValidFrom, issuanceDate);
        Instant validUntil = firstOf(exp, credentialValidUntil, expirationDate);
        return new VcJwt(token, headerPart, header, payload, credential, issuerId, issuedOn, validFrom, validUntil);
    }

    private static void checkType(JsonNode header) {
        JsonNode typ = header.get("typ");
        if (typ == null) {
            return;
        }
        if (!typ.isTextual()) {
            throw new CredentialFormatException(Reason.WRONG_TOKEN_TYPE, "the JWT typ is not a string");
        }
        String value = typ.asText().toLowerCase(Locale.ROOT);
        if (value.startsWith("application/")) {
            value = value.substring("application/".length());
        }
        if (!value.equals("jwt") && !value.equals("vc+jwt") && !value.equals("vc+ld+json+jwt")
                && !value.equals("vc+ld+jwt")) {
            throw new CredentialFormatException(Reason.WRONG_TOKEN_TYPE,
                    "a token of type " + typ.asText() + " is not a credential");
        }
    }

    private static boolean hasType(JsonNode type, String wanted) {
        if (type.isTextual()) {
            return wanted.equals(type.asText());
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (wanted.equals(each.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String issuerId(JsonNode payload, JsonNode credential) {
        JsonNode issuer = credential.path("issuer");
        String fromCredential = issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
        JsonNode iss = payload.get("iss");
        if (iss != null && !iss.isTextual()) {
            throw new CredentialFormatException(Reason.BAD_CLAIM, "iss is not a string");
        }
        String fromClaim = iss == null ? null : iss.asText();
        if (fromCredential == null && fromClaim == null) {
            throw new CredentialFormatException(Reason.NOT_A_CREDENTIAL, "the credential names no issuer");
        }
        if (fromCredential != null && fromClaim != null && !fromCredential.equals(fromClaim)) {
            throw new CredentialFormatException(Reason.ISSUER_MISMATCH, "iss and the credential's issuer differ");
        }
        return fromClaim != null ? fromClaim : fromCredential;
    }

    private static Instant seconds(JsonNode payload, String claim) {
        return CompactJws.numericDate(payload, claim);
    }

    private static Instant date(JsonNode credential, String field) {
        JsonNode value = credential.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CredentialFormatException(Reason.BAD_CLAIM, field + " is not a date-time string");
        }
        try {
            return java.time.OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Some issuers omit the zone; XML Schema dateTime then means UTC for credentials.
                return java.time.LocalDateTime.parse(value.asText()).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new CredentialFormatException(Reason.BAD_CLAIM, field + " is not a date-time", again);
            }
        }
    }

    private static Instant firstOf(Instant... values) {
        for (Instant value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public String token() {
        return token;
    }

    String headerPart() {
        return headerPart;
    }

    byte[] signingInput() {
        return CompactJws.signingInput(token);
    }

    Base64URL signature() {
        return CompactJws.signature(token);
    }

    public JsonNode header() {
        return header;
    }

    public JsonNode payload() {
        return payload;
    }

    /** The credential object: the {@code vc} claim, or the payload itself in the VC 2.0 form. */
    public JsonNode credential() {
        return credential;
    }

    public String issuerId() {
        return issuerId;
    }

    public Instant issuedOn() {
        return issuedOn;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validUntil() {
        return validUntil;
    }
}
