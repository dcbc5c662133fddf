package nl.learnerwallet.model.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Open Badges recipient identity hashes: {@code sha256$hex} or {@code md5$hex} of the identity
 * followed by the salt (OB 2.0 IdentityObject, OB 3.0 IdentityObject). Issuers differ in whether
 * they lower-case e-mail addresses first, so both spellings are tried.
 */
public final class IdentityHash {

    private IdentityHash() {
    }

    public static boolean matches(String identityHash, boolean hashed, String salt, String candidate) {
        if (identityHash == null || candidate == null) {
            return false;
        }
        if (!hashed) {
            return identityHash.equalsIgnoreCase(candidate);
        }
        int dollar = identityHash.indexOf('$');
        if (dollar < 0) {
            return false;
        }
        String algorithm = identityHash.substring(0, dollar).toLowerCase(Locale.ROOT);
        String expected = identityHash.substring(dollar + 1).toLowerCase(Locale.ROOT);
        if (expected.isEmpty()) {
            // hex() answers "" for an unknown algorithm: an empty hash must not match everyone.
            return false;
        }
        String saltText = salt == null ? "" : salt;
        return expected.equals(hex(algorithm, candidate + saltText))
                || expected.equals(hex(algorithm, candidate.toLowerCase(Locale.ROOT) + saltText));
    }

    /** {@code algorithm$hex}, as issuers write it; for issuing and tests. */
    public static String of(String algorithm, String identity, String salt) {
        return algorithm + "$" + hex(algorithm, identity + (salt == null ? "" : salt));
    }

    private static String hex(String algorithm, String value) {
        String jca;
        if ("sha256".equals(algorithm)) {
            jca = "SHA-256";
        } else if ("md5".equals(algorithm)) {
            jca = "MD5";
        } else {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance(jca).digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is always available", e);
        }
    }
}
