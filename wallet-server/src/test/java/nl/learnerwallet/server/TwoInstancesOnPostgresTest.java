package nl.learnerwallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.PostgresExtension;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the server on random ports behind no load balancer, sharing one PostgreSQL
 * database, as a deployment with several instances runs: whatever one instance did, the other
 * knows, because nothing that matters is kept in an instance's memory.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestIssuer ISSUER = TestIssuer.es256();

    private EmbeddedServer first;
    private EmbeddedServer second;
    private TestAccount onFirst;
    private TestAccount onSecond;
    private TestShares shares;

    @BeforeAll
    void startTwoInstances() {
        Map<String, Object> properties = new HashMap<>(TemporaryDatabase.postgres());
        properties.put("micronaut.server.port", "-1");
        properties.put("wallet.auth.registrations-per-hour", "1000");
        properties.put("wallet.trusted-proxies", "127.0.0.1");
        properties.put("wallet.share.failed-lookups-per-window", "5");
        properties.putAll(TemporaryDatabase.managementPort());
        first = ApplicationContext.run(EmbeddedServer.class, properties);
        properties.putAll(TemporaryDatabase.managementPort());
        second = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void stopThem() {
        second.getApplicationContext().close();
        first.getApplicationContext().close();
    }

    @BeforeEach
    void registerThroughTheFirst() {
        onFirst = new TestAccount(first.getURI());
        assertThat(onFirst.register().statusCode()).isEqualTo(201);
        onSecond = onFirst.at(second.getURI());
        shares = new TestShares(onFirst, TestIssuer.es256());
    }

    @Test
    void aShareMadeThroughOneIsServedCountedAndRevokedThroughTheOther() throws IOException {
        TestShares.Created limited = shares.active(2, credential());
        assertThat(page(second, limited.token()).statusCode()).isEqualTo(200);
        assertThat(page(first, limited.token()).statusCode()).isEqualTo(200);
        assertThat(page(second, limited.token()).statusCode()).isEqualTo(404);
        JsonNode counted = JSON.readTree(TestAccount.send(onSecond.signed("GET", "/api/v1/shares/" + limited.id(), null)).body());
        assertThat(counted.path("views").asInt()).isEqualTo(2);
        assertThat(counted.path("state").asText()).isEqualTo("USED_UP");

        TestShares.Created revocable = shares.active(null, credential());
        assertThat(page(second, revocable.token()).statusCode()).isEqualTo(200);
        assertThat(TestAccount.send(onSecond.signed("DELETE", "/api/v1/shares/" + revocable.id(), null)).statusCode())
                .isEqualTo(200);
        assertThat(page(first, revocable.token()).statusCode()).isEqualTo(404);
        assertThat(page(second, revocable.token()).statusCode()).isEqualTo(404);
        JsonNode log = JSON.readTree(TestAccount.send(onFirst.signed("GET", "/api/v1/shares/" + revocable.id() + "/log", null))
                .body());
        assertThat(log).hasSize(1);
    }

    @Test
    void viewsRacingOnBothInstancesNeverGoOverTheLimit() throws Exception {
        TestShares.Created share = shares.active(10, credential());
        List<Callable<Integer>> views = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            EmbeddedServer instance = i % 2 == 0 ? first : second;
            views.add(() -> page(instance, share.token()).statusCode());
        }
        assertThat(allAtOnce(views)).filteredOn(status -> status == 200).hasSize(10);
        JsonNode counted = JSON.readTree(TestAccount.send(onFirst.signed("GET", "/api/v1/shares/" + share.id(), null)).body());
        assertThat(counted.path("views").asInt()).isEqualTo(10);
    }

    @Test
    void aBackupConflictIsDetectedAcrossInstances() {
        byte[] fromLaptop = bytes(300);
        byte[] fromPhone = bytes(300);
        assertThat(onFirst.upload("\"0\"", fromLaptop).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> stale = onSecond.upload("\"0\"", fromPhone);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(onSecond.upload("\"1\"", fromPhone).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> latest = onFirst.latest();
        assertThat(latest.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(latest.body()).isEqualTo(fromPhone);
    }

    @Test
    void uploadsRacingOnBothInstancesForTheSameVersionLandOnce() throws Exception {
        List<Callable<Integer>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestAccount device = i % 2 == 0 ? onFirst : onSecond;
            uploads.add(() -> device.upload("\"0\"", bytes(200)).statusCode());
        }
        List<Integer> statuses = allAtOnce(uploads);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(9);
    }

    @Test
    void aSignedRequestReplayedToTheOtherInstanceIsRefused() {
        HttpRequest recorded = onFirst.recordedUpload("\"0\"", bytes(100));
        assertThat(TestAccount.send(recorded).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> replayed = TestAccount.send(TestAccount.sentTo(recorded, second.getURI()));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("REPLAYED");
    }

    @Test
    void guessingLinksIsCountedOnEveryInstance() {
        String client = "203.0.113." + (1 + RANDOM.nextInt(200));
        for (int i = 0; i < 5; i++) {
            EmbeddedServer instance = i % 2 == 0 ? first : second;
            assertThat(page(instance, ShareToken.generate(RANDOM), client).statusCode()).isEqualTo(404);
        }
        assertThat(page(first, ShareToken.generate(RANDOM), client).statusCode()).isEqualTo(429);
        assertThat(page(second, ShareToken.generate(RANDOM), client).statusCode()).isEqualTo(429);
    }

    private String credential() {
        return DutchCredentials.of(Shape.REGULAR_BADGE, ISSUER).toHolder(TestIssuer.es256().did()).signed();
    }

    private static HttpResponse<byte[]> page(EmbeddedServer instance, String token) {
        return page(instance, token, null);
    }

    private static HttpResponse<byte[]> page(EmbeddedServer instance, String token, String forwardedFor) {
        URI uri = instance.getURI().resolve("/s/" + token);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/html")
                .header("User-Agent", "Mozilla/5.0 Firefox/140.0");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return TestAccount.send(request);
    }

    private static List<Integer> allAtOnce(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
