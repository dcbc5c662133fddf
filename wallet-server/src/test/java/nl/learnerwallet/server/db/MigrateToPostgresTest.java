package nl.learnerwallet.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.server.support.ToolRun;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.PostgresExtension;
import nl.learnerwallet.testsupport.PostgresServer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server's data moved from its SQLite file to PostgreSQL with {@code migrate-to}, then served
 * by a server on PostgreSQL: the same links open with the same views counted, the same backup
 * with the same version, a request replayed from before the move is still refused, and revoked
 * and taken-down links stay so.
 */
@ExtendWith(PostgresExtension.class)
class MigrateToPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void everythingAServerKnewIsThereAfterTheMoveToPostgres(PostgresServer postgres) throws Exception {
        Map<String, String> sqlite = TemporaryDatabase.sqlite();
        Path file = Path.of(sqlite.get("wallet.database"));
        byte[] backup = new byte[4096];
        RANDOM.nextBytes(backup);
        TestShares.Created live;
        TestShares.Created revoked;
        TestShares.Created takenDown;
        TestAccount account;
        HttpRequest alreadySent;
        try (EmbeddedServer before = start(sqlite)) {
            account = new TestAccount(before.getURI());
            assertThat(account.register().statusCode()).isEqualTo(201);
            assertThat(account.upload("\"0\"", new byte[] {1}).statusCode()).isEqualTo(201);
            TestShares shares = new TestShares(account, TestIssuer.es256());
            String credential = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, TestIssuer.es256()).signed();
            live = shares.active(5, credential);
            revoked = shares.active(null, credential);
            takenDown = shares.active(null, credential);
            assertThat(page(before, live.token()).statusCode()).isEqualTo(200);
            assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/shares/" + revoked.id(), null)).statusCode())
                    .isEqualTo(200);
            alreadySent = account.recordedUpload("\"1\"", backup);
            assertThat(TestAccount.send(alreadySent).statusCode()).isEqualTo(201);
        }
        assertThat(ToolRun.of(Map.of("wallet.database", file.toString()), "admin", "takedown", takenDown.id(), "--reason",
                "Complaint before the move").exit()).isZero();

        String target = postgres.createDatabase();
        Map<String, Object> credentials = Map.of("datasources.default.username", PostgresServer.USER);
        ToolRun migrated = ToolRun.of(credentials, "migrate-to", target, "--from", file.toString(), "--json");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        JsonNode copied = JSON.readTree(migrated.out()).path("copied");
        assertThat(copied.path("accounts").asInt()).isEqualTo(1);
        assertThat(copied.path("backup_versions").asInt()).isEqualTo(2);
        assertThat(copied.path("shares").asInt()).isEqualTo(3);
        assertThat(copied.path("share_views").asInt()).isEqualTo(1);
        assertThat(copied.path("admin_actions").asInt()).isEqualTo(1);
        assertThat(copied.path("used_nonces").asInt()).isPositive();

        Map<String, String> onPostgres = new HashMap<>();
        onPostgres.put("datasources.default.url", target);
        onPostgres.put("datasources.default.username", PostgresServer.USER);
        try (EmbeddedServer after = start(onPostgres)) {
            TestAccount moved = account.at(after.getURI());
            assertThat(page(after, live.token()).statusCode()).isEqualTo(200);
            JsonNode state = JSON.readTree(TestAccount.send(moved.signed("GET", "/api/v1/shares/" + live.id(), null)).body());
            assertThat(state.path("views").asInt()).isEqualTo(2);
            HttpResponse<byte[]> latest = moved.latest();
            assertThat(latest.headers().firstValue("ETag")).hasValue("\"2\"");
            assertThat(latest.body()).isEqualTo(backup);
            assertThat(page(after, revoked.token()).statusCode()).isEqualTo(404);
            assertThat(page(after, takenDown.token()).statusCode()).isEqualTo(410);
            HttpResponse<byte[]> replayed = TestAccount.send(TestAccount.sentTo(alreadySent, after.getURI()));
            assertThat(replayed.statusCode()).isEqualTo(401);
            assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("REPLAYED");
        }

        ToolRun intoFullDatabase = ToolRun.of(credentials, "migrate-to", target, "--from", file.toString());
        assertThat(intoFullDatabase.exit()).isEqualTo(2);
        assertThat(intoFullDatabase.err()).contains("already holds data");
        ToolRun noFile = ToolRun.of(credentials, "migrate-to", postgres.createDatabase(), "--from", file.resolveSibling("none.db").toString());
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).startsWith("There is no SQLite database at");
    }

    @Test
    void theCopyKnowsEveryTableOfTheSchema(PostgresServer postgres) throws SQLException {
        String target = postgres.createDatabase();
        try (EmbeddedServer server = start(Map.of("datasources.default.url", target,
                "datasources.default.username", PostgresServer.USER));
                Connection connection = DriverManager.getConnection(target, PostgresServer.USER, "");
                ResultSet tables = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            names.remove("flyway_schema_history");
            assertThat(DatabaseCopy.TABLES).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    private static EmbeddedServer start(Map<String, String> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", "-1");
        properties.putAll(TemporaryDatabase.managementPort());
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static HttpResponse<byte[]> page(EmbeddedServer server, String token) {
        return TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + token)).GET().header("Accept", "text/html"));
    }
}
