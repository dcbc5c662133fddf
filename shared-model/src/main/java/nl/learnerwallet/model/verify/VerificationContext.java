package nl.learnerwallet.model.verify;

import java.time.Clock;
import java.util.Objects;
import nl.learnerwallet.model.trust.TrustList;

/** What a verifier knows besides the credential: the trust list, who the learner is, and the time. */
public record VerificationContext(TrustList trustList, RecipientIdentities identities, Clock clock) {

    public VerificationContext {
        Objects.requireNonNull(trustList, "trustList");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(clock, "clock");
    }
}
