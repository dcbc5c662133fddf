package nl.learnerwallet.client.keys;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Key derivation: HKDF-SHA256 (RFC 5869) from the recovery code to the backup key, the account
 * key seed and the store recovery key, each under its own label so that no key reveals another;
 * Argon2id (RFC 9106) from the passphrase. BouncyCastle's lightweight API, because the JDK has no
 * HKDF or Argon2 and Android has neither either.
 */
public final class KeyDerivation {

    /** AES-256-GCM key that encrypts backups. */
    public static final String BACKUP_KEY = "learner-wallet/v1/backup-key";
    /** Ed25519 seed of the key that signs requests to the server. */
    public static final String ACCOUNT_KEY = "learner-wallet/v1/account-key";
    /** AES-256 key that wraps the local store's data key, for a passphrase reset. */
    public static final String STORE_RECOVERY_KEY = "learner-wallet/v1/store-recovery-key";

    private static final byte[] SALT = "learner-wallet recovery code".getBytes(StandardCharsets.US_ASCII);

    private KeyDerivation() {
    }

    public static byte[] fromRecoveryCode(RecoveryCode code, String label) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(code.entropy(), SALT, label.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    /** Argon2id with the given cost; {@link PassphraseKdfParameters#recommended()} is OWASP's minimum. */
    public static byte[] fromPassphrase(char[] passphrase, PassphraseKdfParameters parameters) {
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(parameters.salt())
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .build());
        byte[] key = new byte[32];
        argon2.generateBytes(passphrase, key);
        return key;
    }
}
