package nl.learnerwallet.server.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import nl.learnerwallet.server.auth.UsedNonceRepository;
import nl.learnerwallet.server.backup.BackupVersionRepository;
import nl.learnerwallet.server.config.RetentionConfig;
import nl.learnerwallet.server.db.WriteGate;
import nl.learnerwallet.server.ratelimit.RateWindowRepository;
import nl.learnerwallet.server.share.ShareRepository;
import nl.learnerwallet.server.share.ShareService;
import nl.learnerwallet.server.share.ShareViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what is kept longer than {@link RetentionConfig} allows, and the replay nonces and rate
 * windows that can no longer matter, every {@code wallet.retention.interval} (default an hour).
 * Each kind is one statement (shares take their logs and decisions along by cascade), so on
 * PostgreSQL every instance may run it at the same time; on SQLite each goes through the
 * WriteGate. Off in the admin command ({@code wallet.retention.enabled=false}).
 */
@Singleton
@Requires(property = "wallet.retention.enabled", notEquals = "false")
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ShareViewRepository views;
    private final ShareRepository shares;
    private final BackupVersionRepository backups;
    private final UsedNonceRepository nonces;
    private final RateWindowRepository windows;
    private final WriteGate writeGate;
    private final RetentionConfig config;
    private final Clock clock;

    public RetentionJob(ShareViewRepository views, ShareRepository shares, BackupVersionRepository backups,
            UsedNonceRepository nonces, RateWindowRepository windows, WriteGate writeGate, RetentionConfig config, Clock clock) {
        this.views = views;
        this.shares = shares;
        this.backups = backups;
        this.nonces = nonces;
        this.windows = windows;
        this.writeGate = writeGate;
        this.config = config;
        this.clock = clock;
    }

    /** What one run deleted. */
    public record Deleted(long accessLogEntries, long shares, long dossiers, long backupVersions, long expiredNonces,
            long expiredRateWindows) {
    }

    @Scheduled(fixedDelay = "${wallet.retention.interval:1h}", initialDelay = "${wallet.retention.initial-delay:5m}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            // The next run tries again; the server goes on serving meanwhile.
            LOG.error("the retention job failed; it runs again later", e);
        }
    }

    /** Deletes everything past its retention period now. */
    public Deleted run() {
        long now = clock.instant().getEpochSecond();
        Deleted deleted = new Deleted(
                delete(() -> views.deleteViewedBefore(now - days(config.accessLogDays()))),
                delete(() -> shares.deleteEndedExcept(ShareService.EXEMPTION, now - days(config.endedShareDays()))),
                delete(() -> shares.deleteEnded(ShareService.EXEMPTION, now - days(config.endedDossierDays()))),
                delete(() -> backups.deleteSupersededBefore(now - days(config.backupVersionDays()))),
                delete(() -> nonces.deleteExpired(now)),
                delete(() -> windows.deleteExpired(now)));
        LOG.atInfo().setMessage("retention: deleted {}").addArgument(deleted)
                .addKeyValue("accessLogEntries", deleted.accessLogEntries()).addKeyValue("shares", deleted.shares())
                .addKeyValue("dossiers", deleted.dossiers()).addKeyValue("backupVersions", deleted.backupVersions()).log();
        return deleted;
    }

    private long delete(LongSupplier statement) {
        return writeGate.write(statement::getAsLong);
    }

    private static long days(int days) {
        return Duration.ofDays(days).getSeconds();
    }
}
