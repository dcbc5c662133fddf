package nl.learnerwallet.client.keys;

import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The account key: Ed25519, derived from the recovery code, so that a new device with only the
 * code can prove to the server that it owns the account. The server knows the public key only.
 */
public final class AccountKey {

    private final Ed25519PrivateKeyParameters privateKey;

    private AccountKey(byte[] seed) {
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    }

    public static AccountKey fromRecoveryCode(RecoveryCode code) {
        return new AccountKey(KeyDerivation.fromRecoveryCode(code, KeyDerivation.ACCOUNT_KEY));
    }

    /** The account key from its stored seed (32 bytes). */
    public static AccountKey fromSeed(byte[] seed) {
        return new AccountKey(seed);
    }

    /** The public key, base64url: the account's identifier on the server. */
    public String publicKey() {
        return Base64URL.encode(privateKey.generatePublicKey().getEncoded()).toString();
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
