package nl.learnerwallet.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import nl.learnerwallet.server.auth.UsedNonceRepository;
import nl.learnerwallet.server.backup.BackupVersionRepository;
import nl.learnerwallet.server.share.ShareRepository;
import nl.learnerwallet.server.share.ShareViewRepository;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestClock;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention job with the server's clock moved forward (no waiting): each kind of data goes
 * when its configured period has passed, and not before.
 */
@MicronautTest(transactional = false) // the job commits its own work, as it does when scheduled
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionTest implements TemporaryDatabase {

    private static final TestIssuer ISSUER = TestIssuer.es256();

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    TestClock clock;

    @Inject
    RetentionJob job;

    @Inject
    ShareRepository shares;

    @Inject
    ShareViewRepository views;

    @Inject
    BackupVersionRepository backups;

    @Inject
    UsedNonceRepository nonces;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("wallet.retention.access-log-days", "10", "wallet.retention.ended-share-days", "30",
                "wallet.retention.ended-dossier-days", "60", "wallet.retention.backup-version-days", "20");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachKindGoesWhenItsPeriodHasPassedAndNotBefore() {
        TestAccount account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
        TestShares made = new TestShares(account, TestIssuer.es256());
        String credential = DutchCredentials.of(Shape.REGULAR_BADGE, ISSUER).signed();
        TestShares.Created employer = made.active(null, credential);
        TestShares.Created dossier = made.create("exemption", null);
        assertThat(made.upload(dossier, made.presentation(dossier, credential)).statusCode()).isEqualTo(200);
        for (TestShares.Created share : new TestShares.Created[] {employer, dossier}) {
            assertThat(TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + share.token())).GET())
                    .statusCode()).isEqualTo(200);
        }
        for (int version = 0; version < 3; version++) {
            assertThat(account.upload("\"" + version + "\"", new byte[] {(byte) version}).statusCode()).isEqualTo(201);
        }
        assertThat(job.run()).isEqualTo(new RetentionJob.Deleted(0, 0, 0, 0, 0, 0));
        long kept = nonces.count();

        // Day 11: the views are older than the 10 days of the access log; the shares ended 4 days ago.
        clock.advance(Duration.ofDays(11));
        RetentionJob.Deleted day11 = job.run();
        assertThat(day11.accessLogEntries()).isEqualTo(2);
        assertThat(day11.expiredNonces()).isEqualTo(kept);
        assertThat(views.count()).isZero();
        assertThat(shares.count()).isEqualTo(2);
        assertThat(backups.count()).isEqualTo(3);

        // Day 21: older backup versions than 20 days go, but never the newest.
        clock.advance(Duration.ofDays(10));
        assertThat(job.run().backupVersions()).isEqualTo(2);
        assertThat(backups.listInfo(account.publicKey())).extracting(info -> info.version()).containsExactly(3L);

        // Day 38: the employer share ended on day 7, 31 days ago; the dossier is kept 60 days.
        clock.advance(Duration.ofDays(17));
        RetentionJob.Deleted day38 = job.run();
        assertThat(day38.shares()).isEqualTo(1);
        assertThat(day38.dossiers()).isZero();
        assertThat(shares.findById(employer.id())).isEmpty();
        assertThat(shares.findById(dossier.id())).isPresent();

        // Day 68: the dossier ended 61 days ago.
        clock.advance(Duration.ofDays(30));
        assertThat(job.run().dossiers()).isEqualTo(1);
        assertThat(shares.count()).isZero();
        assertThat(backups.count()).isEqualTo(1);
    }

    @Test
    void aRevokedShareCountsFromItsRevocation() {
        TestAccount account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
        TestShares.Created share = new TestShares(account, TestIssuer.es256())
                .active(null, DutchCredentials.of(Shape.REGULAR_BADGE, ISSUER).signed());
        assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/shares/" + share.id(), null)).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(29));
        job.run();
        assertThat(shares.findById(share.id())).isPresent();
        clock.advance(Duration.ofDays(2));
        job.run();
        assertThat(shares.findById(share.id())).isEmpty();
    }

    @Test
    void theJobIsScheduledEveryIntervalByDefaultAnHour() {
        assertThat(context.getBeanDefinition(RetentionJob.class).getExecutableMethods())
                .filteredOn(method -> method.hasAnnotation(Scheduled.class))
                .singleElement()
                .satisfies(method -> assertThat(method.stringValue(Scheduled.class, "fixedDelay")).hasValue("1h"));
    }
}
