package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An issuer with a real key pair, identified by did:jwk, that signs whatever payload and header
 * a test asks for: well-formed credentials, and the hostile variants bad-input tests need.
 */
public final class TestIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWK privateKey;
    private final JWSAlgorithm algorithm;
    private final String did;

    private TestIssuer(JWK privateKey, JWSAlgorithm algorithm) {
        this.privateKey = privateKey;
        this.algorithm = algorithm;
        this.did = "did:jwk:" + Base64URL.encode(privateKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
    }

    /** A P-256 issuer signing ES256. */
    public static TestIssuer es256() {
        try {
            return new TestIssuer(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An Ed25519 issuer signing EdDSA. Keys and signatures come from BouncyCastle: nimbus's
     * OctetKeyPairGenerator and Ed25519Signer need Google Tink, which the project does not ship.
     */
    public static TestIssuer ed25519() {
        Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.generatePublicKey().getEncoded()))
                .d(Base64URL.encode(key.getEncoded()))
                .build();
        return new TestIssuer(jwk, JWSAlgorithm.EdDSA);
    }

    /** An RSA-2048 issuer signing RS256. */
    public static TestIssuer rs256() {
        try {
            return new TestIssuer(new RSAKeyGenerator(2048).generate(), JWSAlgorithm.RS256);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An issuer from a stored private JWK (JSON), for sample files that must stay stable. */
    public static TestIssuer fromPrivateJwk(String json) {
        try {
            JWK jwk = JWK.parse(json);
            JWSAlgorithm algorithm = jwk instanceof ECKey ? JWSAlgorithm.ES256
                    : jwk instanceof OctetKeyPair ? JWSAlgorithm.EdDSA : JWSAlgorithm.RS256;
            return new TestIssuer(jwk, algorithm);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String did() {
        return did;
    }

    public String keyId() {
        return did + "#0";
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    public JWK publicJwk() {
        return privateKey.toPublicJWK();
    }

    public JWK privateJwk() {
        return privateKey;
    }

    /** A header as issuers write it: alg, typ, and kid pointing at this issuer's key. */
    public JWSHeader.Builder header() {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(keyId());
    }

    /** Signs the payload with the standard header. */
    public String sign(ObjectNode payload) {
        return sign(header().build(), payload);
    }

    public String sign(JWSHeader header, ObjectNode payload) {
        try {
            return sign(header, JSON.writeValueAsString(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs any payload text with any header: bad-input tests need both to be anything. */
    public String sign(JWSHeader header, String payload) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(payload));
            jws.sign(signer());
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs raw header JSON (which nimbus would refuse to build) over a payload. */
    public String signRaw(String headerJson, String payload) {
        Base64URL header = Base64URL.encode(headerJson.getBytes(StandardCharsets.UTF_8));
        Base64URL body = Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8));
        byte[] signingInput = (header + "." + body).getBytes(StandardCharsets.US_ASCII);
        try {
            JWSHeader forSigner = new JWSHeader(algorithm);
            return header + "." + body + "." + signer().sign(forSigner, signingInput);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWSSigner signer() throws JOSEException {
        if (privateKey instanceof ECKey) {
            return new ECDSASigner((ECKey) privateKey);
        }
        if (privateKey instanceof OctetKeyPair) {
            return new BouncyCastleEd25519Signer((OctetKeyPair) privateKey);
        }
        return new RSASSASigner((RSAKey) privateKey);
    }

    /** EdDSA (RFC 8037) with BouncyCastle's Ed25519. */
    private static final class BouncyCastleEd25519Signer extends EdDSAProvider implements JWSSigner {

        private final Ed25519PrivateKeyParameters key;

        BouncyCastleEd25519Signer(OctetKeyPair jwk) {
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
