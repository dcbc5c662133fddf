package nl.learnerwallet.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's command ({@code wallet-server admin ...}) run beside the running server, on its
 * database through the same configuration: a share taken down says so on its page, a suspended
 * account's requests are refused with a typed error, and each act is in the audit trail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminTest implements TemporaryDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestIssuer ISSUER = TestIssuer.es256();

    @Inject
    EmbeddedServer server;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username:}")
    @Nullable
    String databaseUser;

    private TestAccount account;
    private TestShares shares;

    @BeforeEach
    void registerAccount() {
        account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
        shares = new TestShares(account, TestIssuer.es256());
    }

    @Test
    void aShareTakenDownSaysSoOnItsPageAndToTheLearner() throws IOException {
        TestShares.Created share = shares.active(null, DutchCredentials.of(Shape.REGULAR_BADGE, ISSUER).signed());
        assertThat(page(share.token(), "text/html").statusCode()).isEqualTo(200);

        // As a complaint reports it: the link.
        ToolRun done = admin("takedown", server.getURI().resolve("/s/" + share.token()) + "?lang=nl", "--reason",
                "Complaint 2027-14: the badge is not the learner's", "--json");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(json(done).path("action").asText()).isEqualTo("TAKEDOWN");
        assertThat(json(done).path("subject").asText()).isEqualTo(share.id());

        HttpResponse<byte[]> html = page(share.token(), "text/html");
        assertThat(html.statusCode()).isEqualTo(410);
        assertThat(new String(html.body(), StandardCharsets.UTF_8)).contains("This link was taken down")
                .contains("The operator of this service took this link down");
        assertThat(new String(page(share.token() + "?lang=nl", "text/html").body(), StandardCharsets.UTF_8))
                .contains("Deze link is offline gehaald");
        HttpResponse<byte[]> json = page(share.token(), "application/json");
        assertThat(json.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(json.body()).path("error").asText()).isEqualTo("TAKEN_DOWN");
        assertThat(page(share.token() + "/presentation", "*/*").statusCode()).isEqualTo(410);
        JsonNode seenByLearner = JSON.readTree(TestAccount.send(account.signed("GET", "/api/v1/shares/" + share.id(), null)).body());
        assertThat(seenByLearner.path("state").asText()).isEqualTo("TAKEN_DOWN");

        ToolRun again = admin("takedown", share.id(), "--reason", "twice");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("Share " + share.id() + " was taken down already.\n");
    }

    @Test
    void aSuspendedAccountIsRefusedWithATypedErrorUntilUnsuspended() throws IOException {
        assertThat(account.upload("\"0\"", new byte[] {1, 2, 3}).statusCode()).isEqualTo(201);
        TestAccount other = new TestAccount(server.getURI());
        assertThat(other.register().statusCode()).isEqualTo(201);

        TestShares.Created share = shares.create("employer", null);
        assertThat(admin("suspend", account.publicKey(), "--reason", "Abuse report 2027-3: spam links").exit()).isZero();
        HttpResponse<byte[]> refused = account.latest();
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("error").asText()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(error.path("message").asText()).doesNotContain("Exception").doesNotContain("\n");
        assertThat(account.register().statusCode()).isEqualTo(403);
        assertThat(other.latest().statusCode()).isEqualTo(404);

        assertThat(admin("suspend", account.publicKey(), "--reason", "again").exit()).isEqualTo(2);
        // The account behind a share it made, as an operator who only has a reported link finds it.
        assertThat(admin("unsuspend", share.id(), "--reason", "Resolved with the learner").exit()).isZero();
        assertThat(account.latest().statusCode()).isEqualTo(200);

        ToolRun trail = admin("log", account.publicKey(), "--json");
        assertThat(trail.exit()).isZero();
        List<String> actions = new ArrayList<>();
        json(trail).forEach(entry -> actions.add(entry.path("action").asText() + ": " + entry.path("reason").asText()));
        assertThat(actions).containsExactly("SUSPEND: Abuse report 2027-3: spam links", "UNSUSPEND: Resolved with the learner");
        assertThat(json(trail).get(0).path("operator").asText()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void badUsageAndUnknownSubjectsAreRefusedInOneSentence() {
        ToolRun unknownShare = admin("takedown", "nosuchshare12345", "--reason", "test");
        assertThat(unknownShare.exit()).isEqualTo(2);
        assertThat(unknownShare.err()).isEqualTo("There is no share nosuchshare12345 on this server.\n");
        assertThat(admin("suspend", "AAAA", "--reason", "test").exit()).isEqualTo(2);
        ToolRun noReason = admin("takedown", "nosuchshare12345");
        assertThat(noReason.exit()).isEqualTo(2);
        assertThat(noReason.err()).startsWith("Give the reason with --reason");
        assertThat(admin("reboot").exit()).isEqualTo(2);
        assertThat(admin("takedown", "x", "--reason").exit()).isEqualTo(2);
        ToolRun help = admin("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("usage: admin takedown SHARE_ID|LINK --reason TEXT");
    }

    @Test
    void aDatabaseThatCannotBeReachedExitsWithThree() {
        ToolRun run = ToolRun.of(Map.of("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "datasources.default.username", "nobody"), "admin", "log");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("The database could not be reached").doesNotContain("\tat ");
    }

    private ToolRun admin(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "admin";
        System.arraycopy(args, 0, all, 1, args.length);
        Map<String, Object> sameDatabase = new HashMap<>();
        sameDatabase.put("datasources.default.url", databaseUrl);
        if (databaseUser != null && !databaseUser.isEmpty()) {
            sameDatabase.put("datasources.default.username", databaseUser);
        }
        return ToolRun.of(sameDatabase, all);
    }

    private static JsonNode json(ToolRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    private HttpResponse<byte[]> page(String path, String accept) {
        return TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + path)).GET().header("Accept", accept));
    }
}
