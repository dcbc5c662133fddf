package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * A JWT signed by a holder rather than an issuer — a presentation ({@code vp+jwt}) — checked the
 * same way as a credential's signature: strict compact form, allow-listed algorithms, no key URLs,
 * and the key only from the signer's own DID ({@code iss}, did:jwk or did:key).
 */
public final class HolderJwt {

    /** Presentations carry their credentials inside; a few of them fit well within this. */
    public static final int MAX_LENGTH = 2 * 1024 * 1024;

    private final JsonNode header;
    private final JsonNode payload;
    private final String signer;

    private HolderJwt(JsonNode header, JsonNode payload, String signer) {
        this.header = header;
        this.payload = payload;
        this.signer = signer;
    }

    /** What checking a holder-signed JWT found: the token when its signature holds, else why not. */
    public record Checked(HolderJwt jwt, Reason failure, boolean malformed) {
        public boolean valid() {
            return failure == null;
        }
    }

    /**
     * Parses and checks the signature. Never throws for bad input.
     *
     * @param expectedType the {@code typ} the header must carry, e.g. {@code vp+jwt}
     */
    public static Checked verify(String token, String expectedType, IssuerKeyResolver keys) {
        CompactJws jwt;
        try {
            jwt = CompactJws.parse(token, MAX_LENGTH);
        } catch (CredentialFormatException e) {
            return new Checked(null, e.reason(), true);
        }
        if (!jwt.hasType(expectedType)) {
            return new Checked(null, Reason.WRONG_TOKEN_TYPE, true);
        }
        JsonNode header = jwt.header();
        JsonNode payload = jwt.payload();
        CheckResult headerProblem = VcJwtVerifier.headerProblem(header);
        if (headerProblem != null) {
            return new Checked(null, headerProblem.reason(), false);
        }
        String signer = payload.path("iss").asText(payload.path("holder").asText(null));
        if (signer == null) {
            return new Checked(null, Reason.ISSUER_KEY_UNRESOLVABLE, true);
        }
        try {
            JWSHeader parsed = JWSHeader.parse(new Base64URL(jwt.headerPart()));
            IssuerKey key = VcJwtVerifier.selectKey(keys, signer, parsed);
            if (!key.verify(parsed, jwt.signingInput(), jwt.signature())) {
                return new Checked(null, Reason.BAD_SIGNATURE, false);
            }
        } catch (ParseException e) {
            return new Checked(null, Reason.BAD_JSON, true);
        } catch (IssuerKeyException e) {
            return new Checked(null, e.reason(), false);
        }
        return new Checked(new HolderJwt(header, payload, signer), null, false);
    }

    public JsonNode header() {
        return header;
    }

    public JsonNode payload() {
        return payload;
    }

    /** The DID that signed: the holder. */
    public String signer() {
        return signer;
    }
}
