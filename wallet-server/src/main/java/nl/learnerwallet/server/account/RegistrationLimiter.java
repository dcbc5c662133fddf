package nl.learnerwallet.server.account;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.server.config.AuthConfig;

/**
 * Limits registrations per client per hour, counted in the database so that every instance
 * sees the same count. The client is kept only as a hash mixed with the window, never as an address.
 */
@Singleton
public class RegistrationLimiter {

    private static final long WINDOW_SECONDS = 3600;

    private final RateWindowRepository windows;
    private final AuthConfig config;
    private final Clock clock;

    public RegistrationLimiter(RateWindowRepository windows, AuthConfig config, Clock clock) {
        this.windows = windows;
        this.config = config;
        this.clock = clock;
    }

    /** @return true when this client may register once more now (and counts it) */
    @Transactional
    public boolean tryAcquire(String client) {
        long now = clock.instant().getEpochSecond();
        long window = now / WINDOW_SECONDS;
        String id = SignedRequest.sha256Hex(("registration\n" + window + "\n" + client).getBytes(StandardCharsets.UTF_8));
        windows.deleteByExpiresAtLessThan(now);
        if (windows.increment(id) == 0) {
            try {
                windows.save(new RateWindow(id, 1, (window + 1) * WINDOW_SECONDS));
            } catch (DataAccessException raced) {
                windows.increment(id);
            }
        }
        return windows.findById(id).map(found -> found.hits() <= config.registrationsPerHour()).orElse(true);
    }
}
