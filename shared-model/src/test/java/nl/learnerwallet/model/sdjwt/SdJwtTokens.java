package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.testsupport.TestIssuer;

/** Hand-made SD-JWT parts for tests that need to break one rule at a time. */
final class SdJwtTokens {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SdJwtTokens() {
    }

    static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A disclosure of the given JSON array text, e.g. {@code ["salt","name","value"]}. */
    static String disclosure(String arrayJson) {
        return base64url(arrayJson);
    }

    static String digest(String disclosure) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload with the SD-JWT VC claims every test needs. */
    static ObjectNode payload(TestIssuer issuer) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", issuer.did());
        payload.put("vct", "urn:eu.europa.ec.eudi:learning:credential:1");
        payload.put("iat", NOW.minusSeconds(86400).getEpochSecond());
        return payload;
    }

    static String sign(TestIssuer issuer, ObjectNode payload) {
        return sign(issuer, payload, "dc+sd-jwt");
    }

    static String sign(TestIssuer issuer, ObjectNode payload, String typ) {
        JWSHeader header = new JWSHeader.Builder(issuer.algorithm()).type(new JOSEObjectType(typ)).keyID(issuer.keyId()).build();
        return issuer.sign(header, payload.toString());
    }

    /** A key-binding JWT by the holder over this SD-JWT (up to and including its last {@code ~}). */
    static String keyBinding(TestIssuer holder, String sdJwt, String aud, String nonce, Instant iat) {
        return keyBinding(holder, sdJwt, aud, nonce, iat, "kb+jwt");
    }

    static String keyBinding(TestIssuer holder, String sdJwt, String aud, String nonce, Instant iat, String typ) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iat", iat.getEpochSecond());
        payload.put("aud", aud);
        payload.put("nonce", nonce);
        payload.put("sd_hash", digest(sdJwt));
        JWSHeader header = new JWSHeader.Builder(holder.algorithm()).type(new JOSEObjectType(typ)).build();
        return holder.sign(header, payload.toString());
    }

    static VerificationContext trusting(String issuer) {
        TrustList trust = TrustList.empty().with(new TrustEntry(issuer, "Hogeschool Utrecht", "test", NOW));
        return new VerificationContext(trust, RecipientIdentities.none(), CLOCK);
    }

    static VerificationContext holderContext(String issuer, String holderDid) {
        TrustList trust = TrustList.empty().with(new TrustEntry(issuer, "Hogeschool Utrecht", "test", NOW));
        return new VerificationContext(trust, new RecipientIdentities(Collections.singletonList(holderDid),
                Collections.<String>emptyList(), Collections.<String>emptyList()), CLOCK);
    }
}
