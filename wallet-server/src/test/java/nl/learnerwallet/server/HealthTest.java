package nl.learnerwallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The server starts on a random port and answers operators' health checks. */
@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void answersTheHealthCheck() {
        HttpResponse<String> response = client.toBlocking().exchange("/health", String.class);
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }
}
