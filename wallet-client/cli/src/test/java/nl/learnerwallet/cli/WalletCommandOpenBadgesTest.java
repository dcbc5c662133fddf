package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.EdubadgesIssuer;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wallet import URL|baked image` and `wallet verify URL|ID [--offline]` against a loopback issuer. */
class WalletCommandOpenBadgesTest {

    private static final String EMAIL = "learner@student.example.nl";

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final EdubadgesIssuer issuer = new EdubadgesIssuer(server.base()).publish(server);
    private CliRun cli;

    @BeforeEach
    void init() {
        cli = new CliRun(home).withEnvironment("WALLET_PASSPHRASE", CliRun.PASSPHRASE)
                .withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true")
                .withClock(Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));
        assertThat(cli.run("init").exit()).isZero();
        assertThat(cli.run("identity", "add", EMAIL).exit()).isZero();
        assertThat(cli.run("trust", "add", issuer.issuerId(), "--name", "Hogeschool Voorbeeld").exit()).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void importsAHostedBadgeByUrlAndVerifiesIt() {
        String url = issuer.publish(server, issuer.assertion("C1", EMAIL));

        CliRun.Result imported = cli.run("--json", "import", url);
        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode json = StrictJson.parse(imported.out().getBytes(StandardCharsets.UTF_8));
        assertThat(json.path("format").asText()).isEqualTo("ob2-hosted");
        assertThat(json.path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(json.path("status").asText()).isEqualTo("VERIFIED");

        String id = json.path("id").asText();
        assertThat(cli.run("verify", id).exit()).isZero();
        assertThat(cli.run("verify", "--offline", id).exit()).isZero();
        assertThat(cli.run("verify", url).exit()).isZero();
        CliRun.Result shown = cli.run("show", id);
        assertThat(shown.out()).contains("EQF 6").contains("5 EC");
    }

    @Test
    void importsABakedPngAndReportsAnIssuerThatNoLongerPublishesIt() throws Exception {
        ObjectNode assertion = issuer.assertion("C2", EMAIL);
        Path png = files.resolve("badge.png");
        Files.write(png, BadgeBaker.png(assertion.toString()));

        CliRun.Result imported = cli.run("--json", "import", png.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(StrictJson.parse(imported.out().getBytes(StandardCharsets.UTF_8)).path("status").asText())
                .isEqualTo("UNVERIFIABLE");
        CliRun.Result verified = cli.run("--json", "verify", png.toString());
        assertThat(verified.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(verified.out()).contains("NO_LONGER_PUBLISHED");
    }

    @Test
    void aUrlThatCannotBeFetchedExitsThree() {
        CliRun.Result result = cli.run("--json", "import", issuer.assertionUrl("missing"));
        assertThat(result.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(result.out()).contains("FETCH_HTTP_STATUS");

        CliRun guarded = cli.withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", null);
        CliRun.Result refused = guarded.run("import", issuer.assertionUrl("missing"));
        assertThat(refused.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(server.requests()).containsOnlyOnce("/public/assertions/missing");
    }

    @Test
    void refusesABadPngWithExitTwo() throws Exception {
        byte[] png = BadgeBaker.png("{}");
        png[png.length - 6] ^= 1;
        Path file = files.resolve("broken.png");
        Files.write(file, png);

        CliRun.Result result = cli.run("--json", "import", file.toString());
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.out()).contains("BAD_CHECKSUM");
    }
}
