package nl.learnerwallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Health and Prometheus metrics answer on the management port only; the public port has neither,
 * and the management port serves none of the public routes. The metrics name routes by their
 * template, so no share token ends up in them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsTest implements TemporaryDatabase {

    @Inject
    EmbeddedServer server;

    @Value("${endpoints.all.port}")
    int managementPort;

    @Test
    void healthAnswersOnTheManagementPortWithoutNamingTheDatabase() {
        HttpResponse<byte[]> health = get(management("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(text(health)).contains("\"status\":\"UP\"").doesNotContain("jdbc:");
    }

    @Test
    void prometheusScrapesJvmHttpAndPoolMetricsWithoutTokens() {
        String token = ShareToken.generate(new SecureRandom());
        assertThat(get(server.getURI().resolve("/s/" + token)).statusCode()).isEqualTo(404);
        assertThat(new TestAccount(server.getURI()).register().statusCode()).isEqualTo(201);
        HttpResponse<byte[]> metrics = get(management("/prometheus"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(text(metrics)).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/v1/account\"").contains("hikaricp_connections").doesNotContain(token);
    }

    @Test
    void thePublicPortHasNoManagementEndpointsAndTheManagementPortNoPublicRoutes() {
        assertThat(get(server.getURI().resolve("/health")).statusCode()).isEqualTo(404);
        assertThat(get(server.getURI().resolve("/prometheus")).statusCode()).isEqualTo(404);
        assertThat(get(server.getURI().resolve("/assets/share.css")).statusCode()).isEqualTo(200);
        assertThat(get(management("/assets/share.css")).statusCode()).isEqualTo(404);
    }

    private URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    private static HttpResponse<byte[]> get(URI uri) {
        return TestAccount.send(HttpRequest.newBuilder(uri).GET());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
