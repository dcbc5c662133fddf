package nl.learnerwallet.model.protocol;

import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 signature checks for account keys (RFC 8032), through BouncyCastle's lightweight API. */
public final class Ed25519Keys {

    private Ed25519Keys() {
    }

    /** False for a malformed key or signature as for a wrong one. */
    public static boolean verify(String publicKeyBase64Url, byte[] message, String signatureBase64Url) {
        try {
            byte[] publicKey = Base64.getUrlDecoder().decode(publicKeyBase64Url);
            byte[] signature = Base64.getUrlDecoder().decode(signatureBase64Url);
            if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the text is a well-formed account key: 32 bytes, base64url. */
    public static boolean isPublicKey(String publicKeyBase64Url) {
        try {
            return publicKeyBase64Url != null && publicKeyBase64Url.length() == 43
                    && Base64.getUrlDecoder().decode(publicKeyBase64Url).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
