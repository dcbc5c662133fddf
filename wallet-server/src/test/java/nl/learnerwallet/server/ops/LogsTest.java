package nl.learnerwallet.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * What the server logs, captured from its own logback configuration while a share goes through
 * its whole life: every line is a JSON object, the access log names each route by its template,
 * and no line holds a share token, a presentation, an account key or a client's address.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsTest implements TemporaryDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "198.51.100.23";

    @Inject
    EmbeddedServer server;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("wallet.trusted-proxies", "127.0.0.1");
    }

    @BeforeEach
    void capture() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        captured.list.clear();
    }

    @Test
    void aShareFromCreationToRevocationLeavesNoTokenKeyOrAddressInTheLogs() throws IOException {
        TestAccount account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
        TestShares shares = new TestShares(account, TestIssuer.es256());
        String credential = DutchCredentials.of(Shape.REGULAR_BADGE, TestIssuer.es256()).signed();
        TestShares.Created share = shares.create("employer", null);
        String presentation = shares.presentation(share, credential);
        assertThat(shares.upload(share, presentation).statusCode()).isEqualTo(200);

        assertThat(get("/s/" + share.token(), "text/html").statusCode()).isEqualTo(200);
        assertThat(get("/s/" + share.token() + "?lang=nl", "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/s/" + share.token() + "/presentation", "*/*").statusCode()).isEqualTo(200);
        String unknown = ShareToken.generate(new SecureRandom());
        assertThat(get("/s/" + unknown, "text/html").statusCode()).isEqualTo(404);
        assertThat(get("/no/such/" + unknown, "text/html").statusCode()).isEqualTo(404);
        assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/shares/" + share.id(), null)).statusCode()).isEqualTo(200);
        assertThat(get("/s/" + share.token(), "text/html").statusCode()).isEqualTo(404);

        List<String> lines = encodedAsInProduction();
        assertThat(lines).isNotEmpty();
        List<JsonNode> access = new ArrayList<>();
        for (String line : lines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.path("level").asText()).isNotEmpty();
            if (entry.path("loggerName").asText().equals("nl.learnerwallet.server.access")) {
                access.add(entry);
            }
            assertThat(line).doesNotContain(share.token()).doesNotContain(unknown).doesNotContain(ShareToken.hash(share.token()))
                    .doesNotContain(presentation.substring(0, 40)).doesNotContain(account.publicKey()).doesNotContain(CLIENT);
        }
        assertThat(access).extracting(entry -> entry.path("formattedMessage").asText().replaceAll(" [0-9]+ ms$", ""))
                .contains("GET /s/{token} 200", "GET /s/{token}/presentation 200", "DELETE /api/v1/shares/{id} 200",
                        "GET /s/{token} 404", "GET (no route) 404");
        assertThat(access.get(0).path("kvpList").toString()).contains("\"route\"").contains("\"status\"");
    }

    /** The captured events as the production appender (logback.xml's JSON) writes them. */
    @SuppressWarnings("unchecked")
    private List<String> encodedAsInProduction() {
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON")).getEncoder();
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).trim());
        }
        return lines;
    }

    private HttpResponse<byte[]> get(String path, String accept) {
        return TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().header("Accept", accept)
                .header("X-Forwarded-For", CLIENT).header("User-Agent", "Mozilla/5.0 Firefox/140.0"));
    }
}
