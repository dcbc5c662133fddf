package nl.learnerwallet.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * A learner on the real server: an account, a holder key, and the share calls as the wallet makes
 * them (token hash first, then the presentation signed for the share's audience and nonce).
 */
public final class SharingLearner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final TestAccount account;
    public final TestIssuer holder = TestIssuer.es256();
    private final URI base;

    /** A share as created: the token only the learner knows, and what the server said to sign for. */
    public record Share(String token, String id, String nonce, String audience) {
    }

    public SharingLearner(URI base) {
        this.base = base;
        this.account = new TestAccount(base);
        int status = account.register().statusCode();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("registration answered " + status);
        }
    }

    public Share create() {
        String token = ShareToken.generate(RANDOM);
        ObjectNode body = JSON.createObjectNode().put("tokenHash", ShareToken.hash(token)).put("purpose", "employer")
                .put("expiresAt", Instant.now().plus(Duration.ofDays(7)).getEpochSecond());
        HttpResponse<byte[]> answer = send("POST", "/api/v1/shares", body);
        JsonNode created = json(answer);
        return new Share(token, created.path("id").asText(), created.path("nonce").asText(), created.path("audience").asText());
    }

    /** Uploads, for this share, a presentation of these VC-JWTs signed by the holder. */
    public HttpResponse<byte[]> upload(Share share, String token, List<String> credentials) {
        ObjectNode payload = JSON.createObjectNode();
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("holder", holder.did()).put("iss", holder.did()).put("aud", share.audience()).put("nonce", share.nonce())
                .put("iat", Instant.now().getEpochSecond());
        for (String credential : credentials) {
            payload.withArray("verifiableCredential").addObject().put("id", "data:application/vc+jwt," + credential)
                    .put("type", "EnvelopedVerifiableCredential");
        }
        String presentation = holder.sign(holder.header().type(new JOSEObjectType("vp+jwt")).build(), payload);
        return send("PUT", "/api/v1/shares/" + share.id(), JSON.createObjectNode().put("token", token)
                .put("presentation", presentation));
    }

    public HttpResponse<byte[]> send(String method, String path, ObjectNode body) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = account.signed(method, path, bytes);
        if (bytes != null) {
            request.header("Content-Type", "application/json");
        }
        return TestAccount.send(request);
    }

    /** The public page, as a browser asks for it. */
    public HttpResponse<byte[]> page(String path) {
        return TestAccount.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36").GET());
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
