package nl.learnerwallet.model.sdjwt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * The hash named by {@code _sd_alg} (IANA "Named Information Hash Algorithm" names). Only the
 * SHA-2 family is allowed: RFC 9901 requires collision resistance, which rules out MD5 and SHA-1,
 * and truncated hashes ({@code sha-256-32} etc.) are far too short to bind a disclosure.
 */
public enum HashAlgorithm {
    SHA_256("sha-256", "SHA-256"),
    SHA_384("sha-384", "SHA-384"),
    SHA_512("sha-512", "SHA-512");

    private final String name;
    private final String jcaName;

    HashAlgorithm(String name, String jcaName) {
        this.name = name;
        this.jcaName = jcaName;
    }

    /** @param sdAlg the {@code _sd_alg} value, or null for the default SHA-256 */
    public static HashAlgorithm named(String sdAlg) {
        if (sdAlg == null) {
            return SHA_256;
        }
        for (HashAlgorithm each : values()) {
            if (each.name.equals(sdAlg)) {
                return each;
            }
        }
        throw new CredentialFormatException(Reason.HASH_ALGORITHM_NOT_ALLOWED,
                "the hash algorithm " + abbreviate(sdAlg) + " is unknown or too weak");
    }

    /** The IANA name, as {@code _sd_alg} carries it. */
    public String ianaName() {
        return name;
    }

    /** base64url (no padding) of the hash of the bytes. */
    public String digest(byte[] input) {
        try {
            byte[] hash = MessageDigest.getInstance(jcaName).digest(input);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every Java platform", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
