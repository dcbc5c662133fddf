package nl.learnerwallet.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.learnerwallet.server.support.TemporaryDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server starts on a random port with its SQLite file and answers operators' health checks. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthTest implements TemporaryDatabase {

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
