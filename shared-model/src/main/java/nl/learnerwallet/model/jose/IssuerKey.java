package nl.learnerwallet.model.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.crypto.impl.ECDSAProvider;
import com.nimbusds.jose.crypto.impl.EdDSAProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One public key of an issuer, as its DID document or issuer profile publishes it, with the
 * algorithms allowed for it. Nimbus types stay inside this package.
 */
public final class IssuerKey {

    private static final int MIN_RSA_BITS = 2048;

    private final String issuerId;
    private final String keyId;
    private final JWK jwk;
    /** False for an RSA key with a bad exponent or the ROCA fingerprint; judged once. */
    private final boolean sound;
    private volatile JWSVerifier verifier;

    IssuerKey(String issuerId, String keyId, JWK jwk) {
        this.issuerId = Objects.requireNonNull(issuerId, "issuerId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        this.sound = !(jwk instanceof RSAKey) || sound((RSAKey) jwk);
    }

    /** The issuer (DID or URL) that publishes this key. */
    public String issuerId() {
        return issuerId;
    }

    /** The key's full id, e.g. {@code did:jwk:…#0} or {@code did:key:z…#z…}. */
    public String keyId() {
        return keyId;
    }

    /** The RFC 7638 thumbprint, to compare a key in a token header with this one. */
    public String thumbprint() {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("a public JWK always has a thumbprint", e);
        }
    }

    JWK jwk() {
        return jwk;
    }

    /**
     * The public key as a JWK whose {@code kid} is this key's fragment, to pin in a trust list
     * ({@code nl.learnerwallet.model.trust.TrustListKeys} gives it back under the same id).
     */
    public String toPinnedJwk() {
        int hash = keyId.indexOf('#');
        java.util.Map<String, Object> json = jwk.toPublicJWK().toJSONObject();
        if (hash < 0 || hash == keyId.length() - 1) {
            json.remove("kid");
        } else {
            json.put("kid", keyId.substring(hash + 1));
        }
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json);
    }

    /**
     * An issuer key published as a JWK (a did:web document, an issuer profile).
     *
     * @throws IssuerKeyException {@code ISSUER_KEY_UNRESOLVABLE} when the JSON is not a public JWK
     */
    public static IssuerKey fromJwk(String issuerId, String keyId, String jwkJson) {
        try {
            JWK parsed = JWK.parse(jwkJson);
            if (parsed.isPrivate()) {
                throw new IssuerKeyException(nl.learnerwallet.model.verify.Reason.ISSUER_KEY_UNRESOLVABLE,
                        "a published key must be public");
            }
            return new IssuerKey(issuerId, keyId, parsed);
        } catch (java.text.ParseException | RuntimeException e) {
            if (e instanceof IssuerKeyException) {
                throw (IssuerKeyException) e;
            }
            throw new IssuerKeyException(nl.learnerwallet.model.verify.Reason.ISSUER_KEY_UNRESOLVABLE,
                    "the published key is not a valid JWK", e);
        }
    }

    /**
     * An issuer key published as PEM ({@code publicKeyPem} of an OB 2.0 CryptographicKey):
     * an X.509 SubjectPublicKeyInfo of an RSA, EC (P-256/P-384) or Ed25519 key.
     *
     * @throws IssuerKeyException {@code ISSUER_KEY_UNRESOLVABLE} when it is none of those
     */
    public static IssuerKey fromPem(String issuerId, String keyId, String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = java.util.Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IssuerKeyException(nl.learnerwallet.model.verify.Reason.ISSUER_KEY_UNRESOLVABLE,
                    "the published key is not PEM", e);
        }
        byte[] ed25519Prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
        if (der.length == 44 && Arrays.equals(Arrays.copyOf(der, 12), ed25519Prefix)) {
            return new IssuerKey(issuerId, keyId, new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(Arrays.copyOfRange(der, 12, 44))).build());
        }
        java.security.spec.X509EncodedKeySpec spec = new java.security.spec.X509EncodedKeySpec(der);
        try {
            java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
            return new IssuerKey(issuerId, keyId, new RSAKey.Builder((java.security.interfaces.RSAPublicKey) key).build());
        } catch (java.security.GeneralSecurityException | RuntimeException rsa) {
            try {
                java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey)
                        java.security.KeyFactory.getInstance("EC").generatePublic(spec);
                return new IssuerKey(issuerId, keyId,
                        new ECKey.Builder(Curve.forECParameterSpec(key.getParams()), key).build());
            } catch (java.security.GeneralSecurityException | RuntimeException ec) {
                throw new IssuerKeyException(nl.learnerwallet.model.verify.Reason.ISSUER_KEY_UNRESOLVABLE,
                        "the published key is not an RSA, EC or Ed25519 public key", ec);
            }
        }
    }

    /**
     * Verifies a compact JWS with this key, the algorithm allow-listed for it; false for anything
     * that is not a valid signature by this key (including headers asking for {@code jku}/{@code x5u}
     * or critical extensions).
     */
    public boolean verifiesCompact(String token) {
        try {
            com.nimbusds.jose.JWSObject jws = com.nimbusds.jose.JWSObject.parse(token);
            JWSHeader header = jws.getHeader();
            if (header.getJWKURL() != null || header.getX509CertURL() != null
                    || (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty())) {
                return false;
            }
            return verify(header, jws.getSigningInput(), jws.getSignature());
        } catch (java.text.ParseException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The allow-list: ES256 for P-256, ES384 for P-384, EdDSA/Ed25519 for Ed25519, RS256 and
     * PS256 for RSA of at least 2048 bits. Never {@code none}, never HMAC. A key that says what it
     * is for is taken at its word (RFC 7517 §4.2–4.4): not for signatures ({@code use} other than
     * {@code sig}, {@code key_ops} without {@code verify}) or for another algorithm ({@code alg})
     * means not for this one. An RSA key whose exponent is 1 or even, or that has the ROCA
     * fingerprint (CVE-2017-15361, a factorable key), verifies nothing.
     */
    public boolean allows(JWSAlgorithm algorithm) {
        if (!declaredFor(algorithm)) {
            return false;
        }
        if (jwk instanceof ECKey) {
            Curve curve = ((ECKey) jwk).getCurve();
            return (Curve.P_256.equals(curve) && JWSAlgorithm.ES256.equals(algorithm))
                    || (Curve.P_384.equals(curve) && JWSAlgorithm.ES384.equals(algorithm));
        }
        if (jwk instanceof OctetKeyPair) {
            return Curve.Ed25519.equals(((OctetKeyPair) jwk).getCurve())
                    && (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm));
        }
        if (jwk instanceof RSAKey) {
            return ((RSAKey) jwk).size() >= MIN_RSA_BITS && sound
                    && (JWSAlgorithm.RS256.equals(algorithm) || JWSAlgorithm.PS256.equals(algorithm));
        }
        return false;
    }

    private boolean declaredFor(JWSAlgorithm algorithm) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            return false;
        }
        if (jwk.getKeyOperations() != null && !jwk.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return false;
        }
        if (jwk.getAlgorithm() == null || algorithm == null) {
            return true;
        }
        String declared = jwk.getAlgorithm().getName();
        boolean eddsa = ("EdDSA".equals(declared) || "Ed25519".equals(declared))
                && (JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm));
        return eddsa || declared.equals(algorithm.getName());
    }

    /** Primes of the ROCA fingerprint test (Nemec et al., CCS 2017). */
    private static final int[] ROCA_PRIMES = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71,
        73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};

    private static boolean sound(RSAKey key) {
        BigInteger exponent = key.getPublicExponent().decodeToBigInteger();
        if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
            return false;
        }
        return !hasRocaFingerprint(key.getModulus().decodeToBigInteger());
    }

    /**
     * True when, for every prime p of the test, n mod p lies in the subgroup that 65537 generates
     * mod p: the moduli of the vulnerable Infineon library always do, a random modulus passes all
     * 38 primes with negligible probability.
     */
    static boolean hasRocaFingerprint(BigInteger modulus) {
        for (int prime : ROCA_PRIMES) {
            int residue = modulus.mod(BigInteger.valueOf(prime)).intValue();
            int generator = 65537 % prime;
            int power = 1;
            boolean inSubgroup = false;
            for (int step = 0; step < prime; step++) {
                if (power == residue) {
                    inSubgroup = true;
                    break;
                }
                power = power * generator % prime;
            }
            if (!inSubgroup) {
                return false;
            }
        }
        return true;
    }

    /** Verifies a JWS signature; false for any signature that does not verify under this key. */
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!allows(header.getAlgorithm())) {
            return false;
        }
        try {
            return verifier().verify(header, signingInput, signature);
        } catch (JOSEException | RuntimeException e) {
            // A malformed signature (wrong length, r = s = 0) is a signature that does not verify.
            return false;
        }
    }

    private JWSVerifier verifier() throws JOSEException {
        JWSVerifier cached = verifier;
        if (cached == null) {
            cached = newVerifier();
            verifier = cached;
        }
        return cached;
    }

    private JWSVerifier newVerifier() throws JOSEException {
        if (jwk instanceof ECKey) {
            return new BouncyCastleEcdsaVerifier((ECKey) jwk);
        }
        if (jwk instanceof OctetKeyPair) {
            return new BouncyCastleEd25519Verifier((OctetKeyPair) jwk);
        }
        if (jwk instanceof RSAKey) {
            return new RSASSAVerifier((RSAKey) jwk);
        }
        throw new JOSEException("unsupported key type " + jwk.getKeyType());
    }

    @Override
    public String toString() {
        return keyId;
    }

    /**
     * ES256 and ES384 (RFC 7518 §3.4) on BouncyCastle's own API rather than through nimbus's
     * ECDSAVerifier. That one goes through JCA, which hands BouncyCastle a freshly converted
     * public key on every call, so the key's point tables are rebuilt for each signature; here
     * the key is converted once and its tables are kept. Still BouncyCastle's arithmetic (the
     * JDK 17 provider's P-256 is several times slower); BENCHMARKS.md has the figures. The same
     * checks as nimbus: a signature is exactly two coordinates long, and 0 < r, s < n.
     */
    private static final class BouncyCastleEcdsaVerifier extends ECDSAProvider implements JWSVerifier {

        private final ECPublicKeyParameters publicKey;
        private final int coordinateLength;

        BouncyCastleEcdsaVerifier(ECKey jwk) throws JOSEException {
            super(ECDSA.resolveAlgorithm(jwk.getCurve()));
            String curveName;
            if (Curve.P_256.equals(jwk.getCurve())) {
                curveName = "secp256r1";
                coordinateLength = 32;
            } else if (Curve.P_384.equals(jwk.getCurve())) {
                curveName = "secp384r1";
                coordinateLength = 48;
            } else {
                throw new JOSEException("unsupported curve " + jwk.getCurve());
            }
            X9ECParameters curve = CustomNamedCurves.getByName(curveName);
            try {
                ECPoint point = curve.getCurve().createPoint(jwk.getX().decodeToBigInteger(),
                        jwk.getY().decodeToBigInteger());
                // ECPublicKeyParameters checks that the point is on the curve and not infinity.
                this.publicKey = new ECPublicKeyParameters(point,
                        new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH()));
            } catch (IllegalArgumentException e) {
                throw new JOSEException("not a public key on " + curveName, e);
            }
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            if (!supportedECDSAAlgorithm().equals(header.getAlgorithm())) {
                return false;
            }
            byte[] raw = signature.decode();
            if (raw.length != 2 * coordinateLength) {
                return false;
            }
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, coordinateLength));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, coordinateLength, raw.length));
            byte[] hash;
            try {
                // The platform's SHA-2 (CPU instructions on JDK 17, BoringSSL on Android): on a
                // 4 KB token eight times faster than BouncyCastle's Java SHA-256.
                hash = MessageDigest.getInstance(coordinateLength == 32 ? "SHA-256" : "SHA-384").digest(signingInput);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-2 is always available", e);
            }
            // A signer per call (it holds state); it refuses r or s outside [1, n - 1].
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(false, publicKey);
            return ecdsa.verifySignature(hash, r, s);
        }
    }

    /**
     * EdDSA over Ed25519 (RFC 8037) on BouncyCastle. Nimbus's own Ed25519Verifier needs Google
     * Tink, an optional dependency we do not ship; BouncyCastle is already here and checks the
     * signature length and that S is below the group order.
     */
    private static final class BouncyCastleEd25519Verifier extends EdDSAProvider implements JWSVerifier {

        private final Ed25519PublicKeyParameters publicKey;

        BouncyCastleEd25519Verifier(OctetKeyPair jwk) throws JOSEException {
            if (!Curve.Ed25519.equals(jwk.getCurve())) {
                throw new JOSEException("only Ed25519 keys verify EdDSA here");
            }
            byte[] x = jwk.getDecodedX();
            if (x.length != Ed25519PublicKeyParameters.KEY_SIZE) {
                throw new JOSEException("an Ed25519 public key is 32 bytes");
            }
            try {
                this.publicKey = new Ed25519PublicKeyParameters(x, 0);
            } catch (IllegalArgumentException e) {
                throw new JOSEException("not an Ed25519 public key", e);
            }
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            // A Signer per call: Ed25519Signer buffers the message and is not thread-safe.
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(false, publicKey);
            signer.update(signingInput, 0, signingInput.length);
            return signer.verifySignature(signature.decode());
        }
    }
}
