package nl.learnerwallet.model.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * Proof that a request comes from the holder of an account key, bound to this one request:
 * {@code Authorization: LW-Signature account="…", created="…", nonce="…", signature="…"}, where
 * the signature is Ed25519 over {@link #canonical()} — the method, the path with its query, the
 * SHA-256 of the body, the time and a fresh nonce. The server refuses a proof outside its time
 * window or whose nonce it has seen (replay), so a captured request cannot be sent again.
 *
 * @param account the account's public key, base64url (32 bytes, Ed25519)
 * @param created seconds since the epoch when the client signed
 * @param nonce at least 128 random bits, base64url
 * @param signature base64url Ed25519 signature over {@link #canonical()}
 */
public record SignedRequest(String method, String path, String bodySha256, String account, long created,
        String nonce, String signature) {

    public static final String SCHEME = "LW-Signature";
    private static final int MAX_HEADER_LENGTH = 1024;

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(nonce, "nonce");
        method = method.toUpperCase(Locale.ROOT);
    }

    /** The exact bytes that are signed. */
    public byte[] canonical() {
        return canonical(method, path, bodySha256, account, created, nonce);
    }

    public static byte[] canonical(String method, String path, String bodySha256, String account, long created,
            String nonce) {
        String text = "LW-SIG-1\n" + method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + bodySha256 + "\n" + account
                + "\n" + created + "\n" + nonce;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The Authorization header value. */
    public String header() {
        return SCHEME + " account=\"" + account + "\", created=\"" + created + "\", nonce=\"" + nonce
                + "\", signature=\"" + signature + "\"";
    }

    /**
     * Reads an Authorization header for a request.
     *
     * @throws IllegalArgumentException when the header is not a well-formed LW-Signature
     */
    public static SignedRequest parse(String header, String method, String path, String bodySha256) {
        if (header == null || header.length() > MAX_HEADER_LENGTH || !header.startsWith(SCHEME + " ")) {
            throw new IllegalArgumentException("not an LW-Signature authorization");
        }
        String account = null;
        String created = null;
        String nonce = null;
        String signature = null;
        for (String part : header.substring(SCHEME.length() + 1).split(",")) {
            String item = part.trim();
            int equals = item.indexOf('=');
            if (equals < 0 || !item.endsWith("\"") || item.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("malformed LW-Signature parameter");
            }
            String name = item.substring(0, equals);
            String value = item.substring(equals + 2, item.length() - 1);
            if (!value.matches("[A-Za-z0-9_-]{1,200}")) {
                throw new IllegalArgumentException("malformed LW-Signature value");
            }
            switch (name) {
                case "account": account = value; break;
                case "created": created = value; break;
                case "nonce": nonce = value; break;
                case "signature": signature = value; break;
                default: throw new IllegalArgumentException("unknown LW-Signature parameter");
            }
        }
        if (account == null || created == null || nonce == null || signature == null || !created.matches("[0-9]{1,12}")
                || nonce.length() < 22) {
            throw new IllegalArgumentException("incomplete LW-Signature");
        }
        return new SignedRequest(method, path, bodySha256, account, Long.parseLong(created), nonce, signature);
    }

    /** Lower-case hex SHA-256 of a body (empty body included). */
    public static String sha256Hex(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
