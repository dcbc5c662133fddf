package nl.learnerwallet.client.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import nl.learnerwallet.model.crypto.AesGcm;
import nl.learnerwallet.model.crypto.DecryptionFailedException;

/**
 * The bytes a backup is on the server: {@code LWB1}, the version (8 bytes, big-endian), then
 * AES-256-GCM ciphertext whose associated data is the magic, the account key and the version. A
 * server that hands back an older version, another account's backup or altered bytes is caught
 * when the client opens it.
 */
public final class BackupEnvelope {

    private static final byte[] MAGIC = "LWB1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 8;

    private BackupEnvelope() {
    }

    public static byte[] seal(byte[] backupKey, String account, long version, byte[] plaintext, SecureRandom random) {
        byte[] sealed = AesGcm.encrypt(backupKey, plaintext, associatedData(account, version), random);
        return ByteBuffer.allocate(HEADER + sealed.length).put(MAGIC).putLong(version).put(sealed).array();
    }

    /** The version written in the envelope's header (not yet authenticated). */
    public static long version(byte[] envelope) {
        if (envelope.length < HEADER || !Arrays.equals(Arrays.copyOf(envelope, MAGIC.length), MAGIC)) {
            throw new DecryptionFailedException("not a Learner Wallet backup");
        }
        return ByteBuffer.wrap(envelope, MAGIC.length, 8).getLong();
    }

    /**
     * @throws DecryptionFailedException when the bytes are not a backup of this account and version,
     *     were altered, or the key is wrong
     */
    public static byte[] open(byte[] backupKey, String account, byte[] envelope) {
        long version = version(envelope);
        return AesGcm.decrypt(backupKey, Arrays.copyOfRange(envelope, HEADER, envelope.length),
                associatedData(account, version));
    }

    private static byte[] associatedData(String account, long version) {
        return ("LWB1\n" + account + "\n" + version).getBytes(StandardCharsets.UTF_8);
    }
}
