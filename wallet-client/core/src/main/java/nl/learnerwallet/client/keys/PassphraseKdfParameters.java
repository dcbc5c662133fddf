package nl.learnerwallet.client.keys;

import java.security.SecureRandom;

/**
 * Argon2id cost and salt, kept in clear beside the store so the same key can be derived again.
 * The recommended cost is OWASP's Password Storage Cheat Sheet minimum: 19 MiB, 2 passes.
 */
public record PassphraseKdfParameters(byte[] salt, int memoryKiB, int iterations, int parallelism) {

    public PassphraseKdfParameters {
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("the salt must have at least 16 bytes");
        }
        if (memoryKiB < 8 * 1024 || iterations < 1 || parallelism < 1 || memoryKiB > 1024 * 1024) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        salt = salt.clone();
    }

    public static PassphraseKdfParameters recommended(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PassphraseKdfParameters(salt, 19 * 1024, 2, 1);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }
}
