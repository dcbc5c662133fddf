package nl.learnerwallet.client.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.IssuerKeys;

/** What the wallet takes from its surroundings: the time, randomness and where issuer keys come from. */
public record WalletContext(Clock clock, SecureRandom random, IssuerKeyResolver issuerKeys) {

    public WalletContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(issuerKeys, "issuerKeys");
    }

    /** The system clock, a strong random source and the issuer key methods that need no network. */
    public static WalletContext standard() {
        return new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline());
    }
}
