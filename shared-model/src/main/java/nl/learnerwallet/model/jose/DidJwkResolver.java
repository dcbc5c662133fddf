package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.Reason;

/** did:jwk (https://github.com/quartzjer/did-jwk): the DID is the base64url of one public JWK, key id {@code #0}. */
public final class DidJwkResolver implements IssuerKeyResolver {

    static final String PREFIX = "did:jwk:";
    /** A P-256 or Ed25519 did:jwk is about 150 characters; an RSA-4096 one under 1,000. */
    private static final int MAX_DID_LENGTH = 2048;

    /**
     * The did:jwk of a public key, its members in RFC 7638 order (those of its thumbprint), so that
     * every client writes the same DID for the same key.
     */
    public static String didOf(JWK key) {
        try {
            String json = StrictJson.mapper().writeValueAsString(key.toPublicJWK().getRequiredParams());
            return PREFIX + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JWK's members always serialise", e);
        }
    }

    @Override
    public boolean supports(String issuerId) {
        return issuerId.startsWith(PREFIX);
    }

    @Override
    public List<IssuerKey> keysOf(String did) {
        String base = did.indexOf('#') >= 0 ? did.substring(0, did.indexOf('#')) : did;
        if (base.length() > MAX_DID_LENGTH) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:jwk is too long");
        }
        String encoded = base.substring(PREFIX.length());
        if (!Base64UrlText.isStrict(encoded)) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:jwk is not base64url");
        }
        try {
            byte[] json = new Base64URL(encoded).decode();
            JsonNode node = StrictJson.parse(json);
            if (!node.isObject() || node.has("d") || node.has("p") || node.has("k")) {
                throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE,
                        "the did:jwk does not hold a public key");
            }
            JWK jwk = JWK.parse(new String(json, StandardCharsets.UTF_8));
            return Collections.singletonList(new IssuerKey(base, base + "#0", jwk));
        } catch (UntrustedInputException | java.text.ParseException | IllegalArgumentException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:jwk does not hold a valid JWK", e);
        }
    }
}
