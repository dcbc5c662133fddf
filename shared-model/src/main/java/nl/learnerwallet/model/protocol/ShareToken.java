package nl.learnerwallet.model.protocol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import nl.learnerwallet.model.crypto.AesGcm;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A share link's secret: 160 random bits, base64url, the last path segment of {@code /s/{token}}.
 * The wallet makes it and keeps it; the server stores only its SHA-256 (looked up as an index, so
 * no secret is ever compared) and the presentation sealed under a key HKDF derives from it — a
 * stolen database reveals neither links nor what they show.
 */
public final class ShareToken {

    private static final int BYTES = 20;
    private static final byte[] SALT = "learner-wallet share token".getBytes(StandardCharsets.US_ASCII);

    private ShareToken() {
    }

    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has the form of a token (27 base64url characters), before any lookup. */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() == 27 && token.matches("[A-Za-z0-9_-]{27}");
    }

    /** The lookup key the server stores: lower-case hex SHA-256 of the token text. */
    public static String hash(String token) {
        return SignedRequest.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Seals a share's payload so that only a holder of the token can open it. */
    public static byte[] seal(String token, String shareId, byte[] plaintext, SecureRandom random) {
        return AesGcm.encrypt(key(token), plaintext, associatedData(shareId), random);
    }

    /** @throws nl.learnerwallet.model.crypto.DecryptionFailedException when the token or payload do not match */
    public static byte[] open(String token, String shareId, byte[] sealed) {
        return AesGcm.decrypt(key(token), sealed, associatedData(shareId));
    }

    private static byte[] key(String token) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(token.getBytes(StandardCharsets.US_ASCII), SALT,
                "learner-wallet/v1/share-payload".getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        return key;
    }

    private static byte[] associatedData(String shareId) {
        return ("share\n" + shareId).getBytes(StandardCharsets.UTF_8);
    }
}
