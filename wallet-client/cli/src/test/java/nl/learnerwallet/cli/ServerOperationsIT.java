package nl.learnerwallet.cli;

import nl.learnerwallet.testsupport.ServerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.PostgresExtension;
import nl.learnerwallet.testsupport.PostgresServer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's side of `wallet server`, as README's operations section shows it, against the
 * packaged server: a reported link taken down and its owner suspended while the server runs, and
 * a server's SQLite data moved into PostgreSQL, where a new device restores and the old link opens.
 */
@ExtendWith(PostgresExtension.class)
class ServerOperationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path serverFolder;

    @TempDir
    Path learnerHome;

    @TempDir
    Path newDevice;

    @TempDir
    Path operatorHome;

    private final TestIssuer issuer = TestIssuer.es256();
    private CliRun learner;
    private String recoveryCode;

    @BeforeEach
    void learnerWithOneCredential() throws IOException {
        learner = new CliRun(learnerHome);
        JsonNode init = JSON.readTree(learner.run("init", "--json").out());
        recoveryCode = init.path("recoveryCode").asText();
        learner.run("trust", "add", issuer.did(), "--name", "Hogeschool Utrecht");
        Path credential = Files.writeString(learnerHome.resolve("badge.jwt"),
                DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(init.path("holder").asText()).signed());
        assertThat(learner.run("import", credential.toString()).exit()).isZero();
    }

    @Test
    void aReportedLinkIsTakenDownAndItsOwnerSuspendedWhileTheServerRuns() throws Exception {
        try (ServerProcess server = new ServerProcess(serverFolder).start()) {
            assertThat(learner.run("account", "register", "--server", server.url()).exit()).isZero();
            String link = shareLink();
            String db = server.database().toString();
            CliRun operator = new CliRun(operatorHome);

            CliRun.Result takedown = operator.run("server", "admin", "--db", db, "takedown", link, "--reason", "Report 2027-8");
            assertThat(takedown.exit()).as(takedown.err()).isZero();
            assertThat(takedown.out()).startsWith("TAKEDOWN ");
            HttpResponse<String> page = get(link);
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.body()).contains("This link was taken down");

            assertThat(operator.run("server", "admin", "--db", db, "suspend", link, "--reason", "Report 2027-8").exit()).isZero();
            CliRun.Result refused = learner.run("backup");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("The server's operator suspended your account");

            CliRun.Result trail = operator.run("server", "admin", "--db", db, "log", "--json");
            assertThat(trail.exit()).isZero();
            assertThat(JSON.readTree(trail.out())).extracting(entry -> entry.path("action").asText())
                    .containsExactly("TAKEDOWN", "SUSPEND");
            CliRun.Result noReason = operator.run("server", "admin", "--db", db, "takedown", link);
            assertThat(noReason.exit()).isEqualTo(2);
            assertThat(noReason.err()).startsWith("Give the reason with --reason");
        }
    }

    @Test
    void aServersDataMovesFromSqliteToPostgresAndEverythingStillWorks(PostgresServer postgres) throws Exception {
        ServerProcess onSqlite = new ServerProcess(serverFolder);
        String link;
        try (ServerProcess server = onSqlite.start()) {
            assertThat(learner.run("account", "register", "--server", server.url()).exit()).isZero();
            assertThat(learner.run("backup").exit()).isZero();
            link = shareLink();
        }
        String target = postgres.createDatabase();
        CliRun operator = new CliRun(operatorHome).withEnvironment("DATASOURCES_DEFAULT_USERNAME", PostgresServer.USER);
        CliRun.Result migrated = operator.run("server", "migrate-to", target, "--from", onSqlite.database().toString());
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        assertThat(migrated.out()).startsWith("Copied into " + target + ": 1 accounts, 1 backup versions,");

        try (ServerProcess server = onSqlite.restartOnSamePort().onDatabase(target).start()) {
            assertThat(get(link).statusCode()).isEqualTo(200);
            CliRun.Result restored = new CliRun(newDevice).run("restore", "--server", server.url(), "--recovery-code", recoveryCode);
            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(new CliRun(newDevice).run("list").out()).contains("Academisch schrijven");
        }
    }

    private String shareLink() throws IOException {
        String id = JSON.readTree(learner.run("list", "--json").out()).get(0).path("id").asText();
        CliRun.Result share = learner.run("share", "create", id, "--json");
        assertThat(share.exit()).as(share.err()).isZero();
        return JSON.readTree(share.out()).path("url").asText();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
