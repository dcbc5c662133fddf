package nl.learnerwallet.server.page;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.server.share.Share;
import nl.learnerwallet.server.share.ShareService;

/**
 * Verification results of shared presentations, kept for one minute. A share's presentation never
 * changes, and what can change about it — revocation at the issuer, expiry — is at most a minute
 * old on the page (the issue allows five). Only derived data is kept, nothing another instance
 * would need: each instance verifies for itself. Bounded, least recently used out first.
 */
@Singleton
public class VerifiedPresentations {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 2_000;

    private final ShareService shares;
    private final Clock clock;
    private final Map<String, PresentationReport> cache = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PresentationReport> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public VerifiedPresentations(ShareService shares, Clock clock) {
        this.shares = shares;
        this.clock = clock;
    }

    PresentationReport verify(Share share, String presentation) {
        Instant now = clock.instant();
        synchronized (cache) {
            PresentationReport cached = cache.get(share.id());
            if (cached != null && cached.checkedAt().isAfter(now.minus(FRESH_FOR))) {
                return cached;
            }
        }
        PresentationReport report = shares.verifier().verify(presentation,
                new PresentationVerifier.Expectation(shares.audience(share.id()), share.nonce(), null), shares.trustList(), clock);
        synchronized (cache) {
            cache.put(share.id(), report);
        }
        return report;
    }
}
