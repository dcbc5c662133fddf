package nl.learnerwallet.server.page;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import nl.learnerwallet.server.config.ShareConfig;
import nl.learnerwallet.server.config.WalletConfig;
import nl.learnerwallet.server.ratelimit.ClientAddress;
import nl.learnerwallet.server.ratelimit.RateLimiter;
import nl.learnerwallet.server.share.ShareService;

/**
 * The limit on guessing links, shared by every public {@code /s/} route: unknown tokens count
 * against the client, and a client over the limit is told to wait before any lookup.
 */
@Singleton
class PublicLookups {

    private static final String FAILED_LOOKUP = "share-lookup";
    private static final String DECISION_POST = "decision-post";
    private static final int DECISION_POSTS_PER_HOUR = 30;

    private final ShareService shares;
    private final RateLimiter limiter;
    private final ShareConfig shareConfig;
    private final WalletConfig walletConfig;

    PublicLookups(ShareService shares, RateLimiter limiter, ShareConfig shareConfig, WalletConfig walletConfig) {
        this.shares = shares;
        this.limiter = limiter;
        this.shareConfig = shareConfig;
        this.walletConfig = walletConfig;
    }

    /** Unknown tokens count against the client; links that exist but are over do not (nothing to guess there). */
    void countFailure(HttpRequest<?> request, String token) {
        if (!shares.exists(token)) {
            limiter.tryAcquire(FAILED_LOOKUP, ClientAddress.of(request, walletConfig.proxies()),
                    shareConfig.failedLookupsPerWindow(), shareConfig.failedLookupWindowSeconds());
        }
    }

    boolean tooManyFailures(HttpRequest<?> request) {
        return limiter.isOver(FAILED_LOOKUP, ClientAddress.of(request, walletConfig.proxies()),
                shareConfig.failedLookupsPerWindow(), shareConfig.failedLookupWindowSeconds());
    }

    /**
     * Whether this client may post one more decision: each post can make the server fetch an
     * issuer's keys and status list, so they are counted per client (30 an hour), found or not.
     */
    boolean tryDecisionPost(HttpRequest<?> request) {
        return limiter.tryAcquire(DECISION_POST, ClientAddress.of(request, walletConfig.proxies()), DECISION_POSTS_PER_HOUR, 3600);
    }

    long retryAfterSeconds() {
        return shareConfig.failedLookupWindowSeconds();
    }
}
