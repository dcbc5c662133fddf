package nl.learnerwallet.server.account;

import jakarta.inject.Singleton;
import nl.learnerwallet.server.config.AuthConfig;
import nl.learnerwallet.server.ratelimit.RateLimiter;

/** Limits registrations per client per hour. */
@Singleton
public class RegistrationLimiter {

    private static final long WINDOW_SECONDS = 3600;

    private final RateLimiter limiter;
    private final AuthConfig config;

    public RegistrationLimiter(RateLimiter limiter, AuthConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /** @return true when this client may register once more now (and counts it) */
    public boolean tryAcquire(String client) {
        return limiter.tryAcquire("registration", client, config.registrationsPerHour(), WINDOW_SECONDS);
    }
}
