package nl.learnerwallet.model.fetch;

import java.util.Set;
import okhttp3.Dns;

/** The fetcher's test-only constructors, for tests outside this package (the attack catalogue). */
public final class TestFetchers {

    private TestFetchers() {
    }

    /** Public addresses only, except {@code exempt} names (which play a public issuer on loopback). */
    public static GuardedFetcher exempting(FetchConfig config, Set<String> exempt) {
        return new GuardedFetcher(config, exempt);
    }

    /** As {@link #exempting}, with the test's own resolver. */
    public static GuardedFetcher resolvingWith(FetchConfig config, Set<String> exempt, Dns resolver) {
        return new GuardedFetcher(config, exempt, resolver);
    }
}
