package nl.learnerwallet.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import nl.learnerwallet.model.protocol.SignedRequest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A client with its own Ed25519 account key that talks to the real server over HTTP, signing
 * requests as the wallet does, and able to sign them wrongly on purpose.
 */
public final class TestAccount {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final Ed25519PrivateKeyParameters key;

    public TestAccount(URI base) {
        this(base, new Ed25519PrivateKeyParameters(RANDOM));
    }

    private TestAccount(URI base, Ed25519PrivateKeyParameters key) {
        this.base = base;
        this.key = key;
    }

    /** The same account (the same key) talking to another server: another instance of the same service. */
    public TestAccount at(URI otherBase) {
        return new TestAccount(otherBase, key);
    }

    public String publicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.generatePublicKey().getEncoded());
    }

    /** A request signed now with a fresh nonce. */
    public HttpRequest.Builder signed(String method, String path, byte[] body) {
        return signed(method, path, body, Instant.now().getEpochSecond(), nonce(), this);
    }

    /** A request whose header names this account but is signed by {@code signer}. */
    public HttpRequest.Builder signed(String method, String path, byte[] body, long created, String nonce, TestAccount signer) {
        byte[] content = body == null ? new byte[0] : body;
        String hash = SignedRequest.sha256Hex(content);
        byte[] canonical = SignedRequest.canonical(method, path, hash, publicKey(), created, nonce);
        Ed25519Signer ed = new Ed25519Signer();
        ed.init(true, signer.key);
        ed.update(canonical, 0, canonical.length);
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(ed.generateSignature());
        SignedRequest request = new SignedRequest(method, path, hash, publicKey(), created, nonce, signature);
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", request.header())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    public static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public HttpResponse<byte[]> register() {
        return send(signed("POST", "/api/v1/account", new byte[0]));
    }

    public HttpResponse<byte[]> upload(String ifMatch, byte[] body) {
        HttpRequest.Builder request = signed("PUT", "/api/v1/backup", body).header("Content-Type", "application/octet-stream");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A backup upload signed once, to be sent again as an attacker who recorded it would. */
    public HttpRequest recordedUpload(String ifMatch, byte[] body) {
        return signed("PUT", "/api/v1/backup", body, Instant.now().getEpochSecond(), nonce(), this)
                .header("Content-Type", "application/octet-stream").header("If-Match", ifMatch).build();
    }

    /** The same request, bytes and signature, sent to another server. */
    public static HttpRequest sentTo(HttpRequest request, URI otherBase) {
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(otherBase.resolve(request.uri().getRawPath())).build();
    }

    public static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> latest() {
        return send(signed("GET", "/api/v1/backup", null));
    }
}
