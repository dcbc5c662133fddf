package nl.learnerwallet.server.backup;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.server.account.AccountService;
import nl.learnerwallet.server.config.BackupConfig;

/**
 * Stores backup versions with optimistic concurrency: an upload names the version it replaces,
 * and lands only if that is still the newest. The unique (account, version) constraint makes two
 * racing uploads of the same next version impossible, on any number of instances.
 */
@Singleton
public class BackupService {

    private final BackupVersionRepository versions;
    private final AccountService accounts;
    private final BackupConfig config;
    private final Clock clock;

    public BackupService(BackupVersionRepository versions, AccountService accounts, BackupConfig config, Clock clock) {
        this.versions = versions;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    /** The newest version, if any. */
    @Transactional
    public Optional<BackupVersion> latest(String accountKey) {
        accounts.require(accountKey);
        List<BackupVersionInfo> kept = versions.listInfo(accountKey);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return versions.findByAccountKeyAndVersion(accountKey, kept.get(kept.size() - 1).version());
    }

    @Transactional
    public List<BackupVersionInfo> list(String accountKey) {
        accounts.require(accountKey);
        return versions.listInfo(accountKey);
    }

    /**
     * Stores the next version after {@code expectedVersion} (0 when there is none yet).
     *
     * @throws BackupConflictException when another upload came first (412)
     * @throws BackupTooLargeException when the upload is over the limit (413)
     * @throws QuotaExceededException when the account's kept versions would exceed its quota (507)
     */
    @Transactional
    public BackupVersionInfo store(String accountKey, long expectedVersion, byte[] ciphertext) {
        accounts.require(accountKey);
        if (ciphertext.length > config.maxUploadBytes()) {
            throw new BackupTooLargeException(config.maxUploadBytes());
        }
        List<BackupVersionInfo> kept = versions.listInfo(accountKey);
        long current = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).version();
        if (expectedVersion != current) {
            throw new BackupConflictException(current);
        }
        long next = current + 1;
        // The versions that stay after this upload: the newest keepVersions - 1, plus the new one.
        int survivors = Math.max(0, kept.size() - (config.keepVersions() - 1));
        long total = ciphertext.length;
        for (BackupVersionInfo info : kept.subList(survivors, kept.size())) {
            total += info.sizeBytes();
        }
        if (total > config.quotaBytes()) {
            throw new QuotaExceededException(config.quotaBytes());
        }
        long now = clock.instant().getEpochSecond();
        try {
            versions.save(new BackupVersion(accountKey + ":" + next, accountKey, next, ciphertext.length,
                    SignedRequest.sha256Hex(ciphertext), now, ciphertext));
        } catch (DataAccessException raced) {
            throw new BackupConflictException(current + 1);
        }
        for (BackupVersionInfo old : kept.subList(0, survivors)) {
            versions.deleteById(old.id());
        }
        return new BackupVersionInfo(accountKey + ":" + next, next, ciphertext.length, now);
    }
}
