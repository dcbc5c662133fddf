package nl.learnerwallet.client.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;

/**
 * The holder key: a random P-256 key, the wallet's identity as did:jwk, which signs
 * presentations. It is not derived from the recovery code, so it can be rotated; backups carry it.
 */
public final class HolderKey {

    private final ECKey key;

    private HolderKey(ECKey key) {
        this.key = key;
    }

    public static HolderKey generate(SecureRandom random) {
        try {
            return new HolderKey(new ECKeyGenerator(Curve.P_256).secureRandom(random).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is always available", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a private P-256 JWK */
    public static HolderKey fromPrivateJwk(byte[] json) {
        try {
            ECKey key = ECKey.parse(new String(json, StandardCharsets.UTF_8));
            if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
                throw new IllegalArgumentException("not a private P-256 key");
            }
            return new HolderKey(key);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWK", e);
        }
    }

    public byte[] toPrivateJwk() {
        return key.toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    /** did:jwk of the public key, with members in RFC 7638 order so every client computes the same DID. */
    public String did() {
        return nl.learnerwallet.model.jose.DidJwkResolver.didOf(key);
    }

    /** The RFC 7638 thumbprint of the public key: how a credential's {@code cnf.jwk} is matched to this key. */
    public String thumbprint() {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("a P-256 key always has a thumbprint", e);
        }
    }

    public String keyId() {
        return did() + "#0";
    }

    /**
     * Signs a JWT as the holder: ES256, the given {@code typ}, {@code kid} this key's DID URL.
     *
     * @param payloadJson the claims, already serialised
     */
    public String signJwt(String type, String payloadJson) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).keyID(keyId()).build(),
                payloadJson);
    }

    /**
     * Signs a JWT whose header carries this key as a bare {@code jwk} (no {@code kid}): an OpenID4VCI
     * proof for an issuer that binds credentials to a key ({@code cnf.jwk}) rather than a DID.
     */
    public String signJwtWithPublicKey(String type, String payloadJson) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).jwk(key.toPublicJWK()).build(),
                payloadJson);
    }

    /**
     * Signs an SD-JWT key binding ({@code kb+jwt}): no {@code kid}, since the verifier takes the key
     * from the credential's {@code cnf} — and an offline QR code has no room for a DID it never reads.
     */
    public String signKeyBinding(String payloadJson) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("kb+jwt")).build(), payloadJson);
    }

    private String sign(JWSHeader header, String payloadJson) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(payloadJson));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("a P-256 key always signs ES256", e);
        }
    }
}
