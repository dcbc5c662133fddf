package nl.learnerwallet.server.ratelimit;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import nl.learnerwallet.model.protocol.SignedRequest;

/** Counts events per client in fixed windows and says whether one more is allowed. Past windows are deleted by the retention job. */
@Singleton
public class RateLimiter {

    private final RateWindowRepository windows;
    private final Clock clock;

    public RateLimiter(RateWindowRepository windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * Counts one event for the client and tells whether it is within the limit.
     *
     * @param scope what is limited, e.g. {@code registration}
     */
    @Transactional
    public boolean tryAcquire(String scope, String client, int limit, long windowSeconds) {
        long now = clock.instant().getEpochSecond();
        long window = now / windowSeconds;
        String id = windowId(scope, client, window);
        windows.hit(id, (window + 1) * windowSeconds);
        return windows.findById(id).map(found -> found.hits() <= limit).orElse(true);
    }

    /** Whether the client is already over the limit, without counting (a plain read: no write lock). */
    public boolean isOver(String scope, String client, int limit, long windowSeconds) {
        String id = windowId(scope, client, clock.instant().getEpochSecond() / windowSeconds);
        return windows.findById(id).map(found -> found.hits() >= limit).orElse(false);
    }

    /** The row of one client's count in one window: a hash, so no client address is stored. */
    private static String windowId(String scope, String client, long window) {
        return SignedRequest.sha256Hex((scope + "\n" + window + "\n" + client).getBytes(StandardCharsets.UTF_8));
    }
}
