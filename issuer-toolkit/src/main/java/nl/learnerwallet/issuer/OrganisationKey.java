package nl.learnerwallet.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The organisation's private signing key, as a JWK. It signs compact JWSs and gives its public
 * half for publishing; the private half leaves this class only to be written to the organisation's
 * private key file.
 */
final class OrganisationKey {

    private final JWK key;
    private final SigningAlgorithm algorithm;

    private OrganisationKey(JWK key, SigningAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    static OrganisationKey generate(SigningAlgorithm algorithm, SecureRandom random) {
        if (algorithm == SigningAlgorithm.EDDSA) {
            // BouncyCastle rather than nimbus's OctetKeyPairGenerator, which needs Google Tink.
            Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
            return new OrganisationKey(new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(key.generatePublicKey().getEncoded())).d(Base64URL.encode(key.getEncoded())).build(),
                    algorithm);
        }
        try {
            return new OrganisationKey(new ECKeyGenerator(Curve.P_256).secureRandom(random).generate(), algorithm);
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 keys can always be generated", e);
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a private P-256 or Ed25519 JWK */
    static OrganisationKey parse(String json) {
        try {
            JWK jwk = JWK.parse(json);
            if (!jwk.isPrivate()) {
                throw new IllegalArgumentException("the key file holds no private key");
            }
            if (jwk instanceof ECKey && Curve.P_256.equals(((ECKey) jwk).getCurve())) {
                return new OrganisationKey(jwk, SigningAlgorithm.ES256);
            }
            if (jwk instanceof OctetKeyPair && Curve.Ed25519.equals(((OctetKeyPair) jwk).getCurve())) {
                return new OrganisationKey(jwk, SigningAlgorithm.EDDSA);
            }
            throw new IllegalArgumentException("the key is neither P-256 nor Ed25519");
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("the key file is not a JWK", e);
        }
    }

    SigningAlgorithm algorithm() {
        return algorithm;
    }

    /** The private JWK, for the key file only. */
    String privateJson() {
        return key.toJSONString();
    }

    /** The public JWK as JSON members, with {@code kid}, {@code use} and {@code alg} when a kid is given. */
    Map<String, Object> publicJwk(String kid) {
        Map<String, Object> json = key.toPublicJWK().toJSONObject();
        if (kid != null) {
            json.put("kid", kid);
            json.put("use", "sig");
            json.put("alg", algorithm.jwsName());
        }
        return json;
    }

    /** did:jwk of the bare public key (no kid, use or alg: the DID is the key alone). */
    String didJwk() {
        return "did:jwk:" + Base64URL.encode(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
    }

    /** The RFC 7638 thumbprint of the public key. */
    String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("a JWK always has a thumbprint", e);
        }
    }

    /** A compact JWS over the payload, the header naming {@code typ} and {@code kid}. */
    String sign(String typ, String kid, String payload) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.jwsName()))
                .type(new JOSEObjectType(typ)).keyID(kid).build();
        JWSObject jws = new JWSObject(header, new Payload(payload.getBytes(StandardCharsets.UTF_8)));
        try {
            jws.sign(signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("the organisation key could not sign", e);
        }
        return jws.serialize();
    }

    private JWSSigner signer() throws JOSEException {
        if (key instanceof ECKey) {
            return new ECDSASigner((ECKey) key);
        }
        return new Ed25519JwsSigner((OctetKeyPair) key);
    }

    /**
     * EdDSA (RFC 8037) with BouncyCastle's Ed25519: nimbus's own signer needs Google Tink. test-support's
     * TestIssuer has the same few lines; the toolkit cannot use them (test-support is for tests, and
     * shared-model's tests use it, so depending on it from here would make a cycle).
     */
    private static final class Ed25519JwsSigner extends EdDSAProvider implements JWSSigner {

        private final Ed25519PrivateKeyParameters key;

        Ed25519JwsSigner(OctetKeyPair jwk) {
            this.key = new Ed25519PrivateKeyParameters(jwk.getDecodedD(), 0);
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(signingInput, 0, signingInput.length);
            return Base64URL.encode(signer.generateSignature());
        }
    }
}
