package nl.learnerwallet.client.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * The recovery code: 128 random bits plus an 8-bit check, written as 28 Crockford base32
 * characters in seven groups of four ({@code 7K3M-…}). The check byte lets a mistyped code be
 * told apart from a wrong one; Crockford's alphabet has no I, L, O or U, and reading forgives
 * them (I/L as 1, O as 0), lower case, spaces and dashes.
 */
public final class RecoveryCode {

    static final int ENTROPY_BYTES = 16;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CHARACTERS = 28;

    private final byte[] entropy;

    private RecoveryCode(byte[] entropy) {
        this.entropy = entropy.clone();
    }

    public static RecoveryCode generate(SecureRandom random) {
        byte[] entropy = new byte[ENTROPY_BYTES];
        random.nextBytes(entropy);
        return new RecoveryCode(entropy);
    }

    /** @throws InvalidRecoveryCodeException when the text is not a well-formed recovery code */
    public static RecoveryCode parse(String text) {
        StringBuilder cleaned = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            cleaned.append(c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c);
        }
        if (cleaned.length() != CHARACTERS) {
            throw new InvalidRecoveryCodeException("a recovery code has 28 characters in groups of four");
        }
        byte[] bytes = new byte[ENTROPY_BYTES + 1];
        long buffer = 0;
        int bits = 0;
        int out = 0;
        for (int i = 0; i < cleaned.length(); i++) {
            int value = ALPHABET.indexOf(cleaned.charAt(i));
            if (value < 0) {
                throw new InvalidRecoveryCodeException("the recovery code has a character that cannot be in one");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8 && out < bytes.length) {
                bits -= 8;
                bytes[out++] = (byte) (buffer >> bits);
            }
        }
        byte[] entropy = Arrays.copyOf(bytes, ENTROPY_BYTES);
        if (bytes[ENTROPY_BYTES] != check(entropy)) {
            throw new InvalidRecoveryCodeException("the recovery code is mistyped");
        }
        return new RecoveryCode(entropy);
    }

    /** The 128 random bits, from which {@link KeyDerivation} derives the keys. */
    public byte[] entropy() {
        return entropy.clone();
    }

    /** The code in readable groups, to be shown once. */
    public String display() {
        byte[] bytes = Arrays.copyOf(entropy, ENTROPY_BYTES + 1);
        bytes[ENTROPY_BYTES] = check(entropy);
        StringBuilder out = new StringBuilder();
        long buffer = 0;
        int bits = 0;
        int written = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                written = append(out, ALPHABET.charAt((int) (buffer >> bits) & 31), written);
            }
        }
        if (bits > 0) {
            append(out, ALPHABET.charAt((int) (buffer << (5 - bits)) & 31), written);
        }
        return out.toString();
    }

    private static int append(StringBuilder out, char c, int written) {
        if (written > 0 && written % 4 == 0) {
            out.append('-');
        }
        out.append(c);
        return written + 1;
    }

    private static byte check(byte[] entropy) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("learner-wallet recovery code".getBytes(StandardCharsets.US_ASCII));
            return sha256.digest(entropy)[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "RecoveryCode[hidden]";
    }
}
