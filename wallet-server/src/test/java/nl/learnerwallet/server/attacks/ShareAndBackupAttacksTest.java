package nl.learnerwallet.server.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.server.support.SharingLearner;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attack catalogue, shares and backups on the real server: each refused request answers its
 * status with the typed {@code error} code, and the learner's data — accounts, backups, shares,
 * views, decisions — is byte for byte what it was (a digest of those tables before and after; the
 * nonce and rate-limit bookkeeping is what a refusal may write). The cases already named in
 * BackupApiTest and ShareAndPageTest (quota, size, replay, wrong nonce or share, states alike to
 * the public, a thousand random tokens) are part of this catalogue where they are.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareAndBackupAttacksTest implements TemporaryDatabase {

    @Inject
    EmbeddedServer server;

    @Value("${wallet.database}")
    String database;

    private SharingLearner learner;
    private SharingLearner other;
    private SharingLearner.Share share;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("wallet.backup.max-upload-bytes", "4096", "wallet.auth.registrations-per-hour", "1000");
    }

    @BeforeEach
    void twoLearners() {
        learner = new SharingLearner(server.getURI());
        other = new SharingLearner(server.getURI());
        share = learner.create();
        assertThat(learner.account.upload("0", new byte[] {1, 2, 3}).statusCode()).isEqualTo(201);
    }

    @Test
    void uploadWithAnotherSharesToken() throws Exception {
        SharingLearner.Share second = learner.create();
        refused(() -> learner.upload(share, second.token(), List.of(credential())), 422, "WRONG_TOKEN");
    }

    @Test
    void uploadOfAPresentationMadeForAnotherShare() throws Exception {
        SharingLearner.Share forOther = other.create();
        SharingLearner.Share mixed = new SharingLearner.Share(share.token(), share.id(), forOther.nonce(), forOther.audience());
        refused(() -> learner.upload(mixed, share.token(), List.of(credential())), 422, "BAD_PRESENTATION");
    }

    @Test
    void uploadToSomeoneElsesShare() throws Exception {
        refused(() -> other.upload(share, share.token(), List.of(credential())), 404, "UNKNOWN_SHARE");
    }

    @Test
    void revokeSomeoneElsesShare() throws Exception {
        refused(() -> other.send("DELETE", "/api/v1/shares/" + share.id(), null), 404, "UNKNOWN_SHARE");
    }

    @Test
    void readSomeoneElsesAccessLog() throws Exception {
        refused(() -> other.send("GET", "/api/v1/shares/" + share.id() + "/log", null), 404, "UNKNOWN_SHARE");
    }

    @Test
    void aTokenHashThatIsSql() throws Exception {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("tokenHash", "' OR 1=1; DROP TABLE shares; --").put("purpose", "employer")
                .put("expiresAt", Instant.now().plusSeconds(3600).getEpochSecond());
        refused(() -> learner.send("POST", "/api/v1/shares", body), 400, "BAD_REQUEST");
    }

    /** A pending share is not a page, and an unknown token finds nothing: no view is written either way. */
    @Test
    void openingAPendingOrUnknownLink() throws Exception {
        String before = digest();
        assertThat(learner.page("/s/" + share.token()).statusCode()).isEqualTo(404);
        assertThat(learner.page("/s/" + ShareToken.generate(new java.security.SecureRandom())).statusCode()).isEqualTo(404);
        assertThat(learner.page("/s/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
        assertThat(learner.page("/s/%27%20OR%20%271%27%3D%271").statusCode()).isIn(400, 404);
        assertThat(digest()).isEqualTo(before);
    }

    @Test
    void anUnsignedRequest() throws Exception {
        refused(() -> TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/backup"))
                .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {9}))), 401, "MISSING");
    }

    @Test
    void aRequestSignedByAnotherAccountsKey() throws Exception {
        refused(() -> TestAccount.send(learner.account.signed("PUT", "/api/v1/backup", new byte[] {9},
                Instant.now().getEpochSecond(), TestAccount.nonce(), other.account).header("If-Match", "\"1\"")),
                401, "BAD_SIGNATURE");
    }

    @Test
    void aReplayedUpload() throws Exception {
        String nonce = TestAccount.nonce();
        long now = Instant.now().getEpochSecond();
        byte[] body = {4, 5, 6};
        HttpResponse<byte[]> first = TestAccount.send(learner.account.signed("PUT", "/api/v1/backup", body, now, nonce,
                learner.account).header("If-Match", "\"1\""));
        assertThat(first.statusCode()).isEqualTo(201);
        refused(() -> TestAccount.send(learner.account.signed("PUT", "/api/v1/backup", body, now, nonce, learner.account)
                .header("If-Match", "\"2\"")), 401, "REPLAYED");
    }

    @Test
    void aStaleIfMatch() throws Exception {
        refused(() -> learner.account.upload("\"0\"", new byte[] {7}), 412, null);
    }

    @Test
    void anIfMatchThatIsNoVersion() throws Exception {
        for (String ifMatch : new String[] {"\"1 OR 1=1\"", "*", "\"-1\"", "\"99999999999999999999\"", "W/\"\""}) {
            refused(() -> learner.account.upload(ifMatch, new byte[] {7}), 428, null);
        }
    }

    @Test
    void anUploadOverTheLimit() throws Exception {
        refused(() -> learner.account.upload("\"1\"", new byte[5000]), 413, null);
    }

    private String credential() {
        return DutchCredentials.of(DutchCredentials.Shape.REGULAR_BADGE, TestIssuer.es256()).toHolder(learner.holder.did())
                .signed();
    }

    private interface Call {
        HttpResponse<byte[]> send() throws Exception;
    }

    private void refused(Call call, int status, String error) throws Exception {
        String before = digest();
        HttpResponse<byte[]> answer = call.send();
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        if (error != null) {
            assertThat(SharingLearner.json(answer).path("error").asText()).isEqualTo(error);
        }
        assertThat(digest()).as("the learners' data").isEqualTo(before);
    }

    /** Every row of the tables that hold learners' data, in a fixed order. */
    private String digest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            for (String table : new String[] {"accounts", "backup_versions", "shares", "share_views", "share_decisions"}) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            byte[] value = rows.getBytes(i);
                            sha.update(value == null ? new byte[] {0} : value);
                            sha.update((byte) 0x1f);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
