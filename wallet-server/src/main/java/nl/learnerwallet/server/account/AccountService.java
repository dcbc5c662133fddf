package nl.learnerwallet.server.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.learnerwallet.server.backup.BackupVersionRepository;
import nl.learnerwallet.server.share.ShareRepository;

/** Registering and deleting accounts. */
@Singleton
public class AccountService {

    private final AccountRepository accounts;
    private final BackupVersionRepository backups;
    private final ShareRepository shares;
    private final RegistrationLimiter limiter;
    private final Clock clock;

    public AccountService(AccountRepository accounts, BackupVersionRepository backups, ShareRepository shares,
            RegistrationLimiter limiter, Clock clock) {
        this.accounts = accounts;
        this.backups = backups;
        this.shares = shares;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Registers the account whose key signed the request; registering again is harmless.
     *
     * @return true when the account is new
     * @throws RateLimitedException when this client registered too many accounts this hour
     */
    @Transactional
    public boolean register(String publicKey, String client) {
        if (accounts.existsById(publicKey)) {
            return false;
        }
        if (!limiter.tryAcquire(client)) {
            throw new RateLimitedException("too many registrations from this client; try again in an hour", 3600);
        }
        return accounts.insertIfAbsent(publicKey, clock.instant().getEpochSecond()) == 1;
    }

    /** @throws UnknownAccountException when no such account is registered */
    public Account require(String publicKey) {
        return accounts.findById(publicKey).orElseThrow(() -> new UnknownAccountException());
    }

    /** Deletes the account with every backup version and share of it. */
    @Transactional
    public void delete(String publicKey) {
        require(publicKey);
        backups.deleteByAccountKey(publicKey);
        shares.deleteByAccountKey(publicKey);
        accounts.deleteById(publicKey);
    }
}
