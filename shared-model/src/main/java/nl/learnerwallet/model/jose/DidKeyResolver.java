package nl.learnerwallet.model.jose;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.verify.Reason;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * did:key (W3C CCG did:key v0.7) for the key types we allow: Ed25519 (multicodec 0xed) and P-256
 * (0x1200, compressed point). The key id is the DID followed by {@code #} and the multibase value.
 */
public final class DidKeyResolver implements IssuerKeyResolver {

    static final String PREFIX = "did:key:";
    private static final int MAX_DID_LENGTH = 256;
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    @Override
    public boolean supports(String issuerId) {
        return issuerId.startsWith(PREFIX);
    }

    @Override
    public List<IssuerKey> keysOf(String did) {
        String base = did.indexOf('#') >= 0 ? did.substring(0, did.indexOf('#')) : did;
        String multibase = base.substring(PREFIX.length());
        if (base.length() > MAX_DID_LENGTH || !multibase.startsWith("z") || multibase.length() < 2) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:key is not a base58btc multibase key");
        }
        byte[] bytes;
        try {
            bytes = Base58Btc.decode(multibase.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:key is not base58btc", e);
        }
        JWK jwk;
        if (bytes.length == 34 && (bytes[0] & 0xff) == 0xed && bytes[1] == 0x01) {
            jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(Arrays.copyOfRange(bytes, 2, 34))).build();
        } else if (bytes.length == 35 && (bytes[0] & 0xff) == 0x80 && bytes[1] == 0x24) {
            jwk = p256(Arrays.copyOfRange(bytes, 2, 35));
        } else {
            throw new IssuerKeyException(Reason.UNSUPPORTED_ISSUER_METHOD,
                    "the did:key is not an Ed25519 or P-256 key");
        }
        return Collections.singletonList(new IssuerKey(base, base + "#" + multibase, jwk));
    }

    private static JWK p256(byte[] compressed) {
        try {
            ECPoint point = P256.getCurve().decodePoint(compressed).normalize();
            return new ECKey.Builder(Curve.P_256,
                    Base64URL.encode(unsigned32(point.getAffineXCoord().toBigInteger())),
                    Base64URL.encode(unsigned32(point.getAffineYCoord().toBigInteger()))).build();
        } catch (IllegalArgumentException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:key is not a point on P-256", e);
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /** The did:key of an Ed25519 public key (32 bytes), for issuers and tests. */
    public static String ed25519Did(byte[] publicKey) {
        byte[] prefixed = new byte[34];
        prefixed[0] = (byte) 0xed;
        prefixed[1] = 0x01;
        System.arraycopy(publicKey, 0, prefixed, 2, 32);
        return PREFIX + "z" + Base58Btc.encode(prefixed);
    }

    /** The did:key of a P-256 public key given as its compressed point (33 bytes). */
    public static String p256Did(byte[] compressedPoint) {
        byte[] prefixed = new byte[35];
        prefixed[0] = (byte) 0x80;
        prefixed[1] = 0x24;
        System.arraycopy(compressedPoint, 0, prefixed, 2, 33);
        return PREFIX + "z" + Base58Btc.encode(prefixed);
    }
}
