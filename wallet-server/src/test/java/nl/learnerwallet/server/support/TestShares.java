package nl.learnerwallet.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * Shares made as the wallet makes them, over HTTP: a token and its hash, the share created with
 * the account's signature, and a presentation signed by the holder for the share's audience and
 * nonce uploaded with the token.
 */
public final class TestShares {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestAccount account;
    private final TestIssuer holder;

    public TestShares(TestAccount account, TestIssuer holder) {
        this.account = account;
        this.holder = holder;
    }

    /** A created share: its token and what the server said to sign for. */
    public record Created(String token, String id, String nonce, String audience) {
    }

    /** Creates a pending share that expires in a week. */
    public Created create(String purpose, Integer maxViews) {
        String token = ShareToken.generate(RANDOM);
        ObjectNode body = JSON.createObjectNode();
        body.put("tokenHash", ShareToken.hash(token));
        body.put("purpose", purpose);
        body.put("expiresAt", Instant.now().plus(Duration.ofDays(7)).getEpochSecond());
        if (maxViews != null) {
            body.put("maxViews", maxViews);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> answer = TestAccount.send(account.signed("POST", "/api/v1/shares", bytes)
                .header("Content-Type", "application/json"));
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        JsonNode created = read(answer.body());
        return new Created(token, created.path("id").asText(), created.path("nonce").asText(), created.path("audience").asText());
    }

    /** Uploads the token and a presentation for a pending share. */
    public HttpResponse<byte[]> upload(Created share, String presentation) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", share.token());
        body.put("presentation", presentation);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        return TestAccount.send(account.signed("PUT", "/api/v1/shares/" + share.id(), bytes)
                .header("Content-Type", "application/json"));
    }

    /** A live employer share of these VC-JWTs. */
    public Created active(Integer maxViews, String... credentials) {
        Created share = create("employer", maxViews);
        assertThat(upload(share, presentation(share, credentials)).statusCode()).isEqualTo(200);
        return share;
    }

    /** The holder's presentation of these VC-JWTs for the share. */
    public String presentation(Created share, String... credentials) {
        return envelope(holder, share.audience(), share.nonce(), vcJwts(List.of(credentials)), payload -> { });
    }

    /** {@code data:} URLs of VC-JWTs, as a presentation envelopes them. */
    public static List<String> vcJwts(List<String> credentials) {
        List<String> dataUrls = new ArrayList<>();
        for (String credential : credentials) {
            dataUrls.add("data:application/vc+jwt," + credential);
        }
        return dataUrls;
    }

    /** A {@code vp+jwt} signed by {@code signer} enveloping these credentials; {@code extra} adds claims. */
    public static String envelope(TestIssuer signer, String audience, String nonce, List<String> dataUrls,
            Consumer<ObjectNode> extra) {
        ObjectNode payload = JSON.createObjectNode();
        payload.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("holder", signer.did());
        payload.put("iss", signer.did());
        payload.put("aud", audience);
        payload.put("nonce", nonce);
        payload.put("iat", Instant.now().getEpochSecond());
        extra.accept(payload);
        ArrayNode entries = payload.putArray("verifiableCredential");
        for (String dataUrl : dataUrls) {
            entries.addObject().put("id", dataUrl).put("type", "EnvelopedVerifiableCredential");
        }
        return signer.sign(signer.header().type(new JOSEObjectType("vp+jwt")).build(), payload);
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
