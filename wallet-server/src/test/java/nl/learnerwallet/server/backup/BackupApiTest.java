package nl.learnerwallet.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Accounts and backups over real HTTP against the real server and a real SQLite file. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupApiTest implements TemporaryDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EmbeddedServer server;

    private TestAccount account;

    @Override
    public Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("wallet.backup.max-upload-bytes", "65536");
        properties.put("wallet.backup.quota-bytes", "400000");
        properties.put("wallet.auth.registrations-per-hour", "1000");
        return properties;
    }

    @BeforeEach
    void registerAccount() {
        account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
    }

    private static byte[] ciphertext(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void registeringAgainIsHarmless() {
        assertThat(account.register().statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountWithoutBackupAnswersNotFound() {
        HttpResponse<byte[]> latest = account.latest();
        assertThat(latest.statusCode()).isEqualTo(404);
        assertThat(new String(latest.body(), StandardCharsets.UTF_8)).contains("NO_BACKUP");
    }

    @Test
    void storesAndReturnsVersionsWithEtags() {
        byte[] first = ciphertext(1000);
        HttpResponse<byte[]> stored = account.upload("\"0\"", first);
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(stored.headers().firstValue("ETag")).hasValue("\"1\"");
        byte[] second = ciphertext(1000);
        assertThat(account.upload("\"1\"", second).headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<byte[]> latest = account.latest();
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(latest.body()).isEqualTo(second);
    }

    @Test
    void refusesAStaleIfMatchWith412() {
        account.upload("\"0\"", ciphertext(100));
        HttpResponse<byte[]> stale = account.upload("\"0\"", ciphertext(100));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"1\"");
    }

    @Test
    void refusesAnUploadWithoutIfMatchWith428() {
        assertThat(account.upload(null, ciphertext(100)).statusCode()).isEqualTo(428);
        assertThat(account.latest().statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnUploadOverTheSizeLimitWith413() {
        HttpResponse<byte[]> tooLarge = account.upload("\"0\"", ciphertext(65537));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(account.latest().statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAnAccountOverItsQuotaWith507() {
        long version = 0;
        HttpResponse<byte[]> answer;
        // 60 KB a version, 10 kept: the quota of 400 KB is reached on the seventh.
        do {
            answer = account.upload("\"" + version + "\"", ciphertext(60_000));
            if (answer.statusCode() == 201) {
                version++;
            }
        } while (answer.statusCode() == 201 && version < 20);
        assertThat(answer.statusCode()).isEqualTo(507);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("QUOTA_EXCEEDED");
        assertThat(version).isEqualTo(6);
    }

    @Test
    void keepsTheLastTenVersions() {
        for (int version = 0; version < 12; version++) {
            assertThat(account.upload("\"" + version + "\"", ciphertext(100)).statusCode()).isEqualTo(201);
        }
        HttpResponse<byte[]> list = TestAccount.send(account.signed("GET", "/api/v1/backup/versions", null));
        String body = new String(list.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("\"version\":2,").contains("\"version\":3,").contains("\"version\":12,");
        assertThat(body.split("\"version\"").length - 1).isEqualTo(10);
    }

    @Test
    void refusesARequestSignedByAnotherKey() {
        TestAccount intruder = new TestAccount(server.getURI());
        HttpResponse<byte[]> answer = TestAccount.send(account.signed("GET", "/api/v1/backup", null,
                Instant.now().getEpochSecond(), TestAccount.nonce(), intruder));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("BAD_SIGNATURE");
    }

    @Test
    void refusesAReplayedRequest() {
        java.net.http.HttpRequest recorded = account.recordedUpload("\"0\"", ciphertext(100));
        assertThat(TestAccount.send(recorded).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> replay = TestAccount.send(recorded);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(new String(replay.body(), StandardCharsets.UTF_8)).contains("REPLAYED");
    }

    @Test
    void refusesARequestSignedLongAgo() {
        HttpResponse<byte[]> answer = TestAccount.send(account.signed("GET", "/api/v1/backup", null,
                Instant.now().getEpochSecond() - 3600, TestAccount.nonce(), account));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("STALE");
    }

    @Test
    void refusesARequestWhoseBodyWasChangedAfterSigning() {
        HttpResponse<byte[]> answer = TestAccount.send(account.signed("PUT", "/api/v1/backup", ciphertext(100))
                .header("If-Match", "\"0\"").header("Content-Type", "application/octet-stream")
                .method("PUT", java.net.http.HttpRequest.BodyPublishers.ofByteArray(ciphertext(100))));
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAnUnsignedRequest() {
        HttpResponse<byte[]> answer = TestAccount.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/backup")).GET());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void deletingTheAccountRemovesEveryBackup() {
        account.upload("\"0\"", ciphertext(100));
        assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/account", null)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> after = account.latest();
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("UNKNOWN_ACCOUNT");
    }
}
