package nl.learnerwallet.client.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.IssuerKeys;

/**
 * What the wallet takes from its surroundings: the time, randomness, where issuer keys come from
 * without a network, and the guarded fetcher for everything that needs one (hosted badges,
 * did:web, issuer profiles, status lists). A null fetcher means no network at all.
 */
public record WalletContext(Clock clock, SecureRandom random, IssuerKeyResolver issuerKeys, GuardedFetcher fetcher) {

    public WalletContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(issuerKeys, "issuerKeys");
    }

    /** Without a network: network formats stay inconclusive. */
    public WalletContext(Clock clock, SecureRandom random, IssuerKeyResolver issuerKeys) {
        this(clock, random, issuerKeys, null);
    }

    /** The system clock, a strong random source, the offline key methods and a fetcher for public addresses. */
    public static WalletContext standard() {
        return standard(false);
    }

    /** @param allowPrivateNetworks {@code wallet.fetch.allow-private-networks}: for tests and the local demo */
    public static WalletContext standard(boolean allowPrivateNetworks) {
        return new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline(),
                GuardedFetcher.standard(allowPrivateNetworks));
    }
}
