package nl.learnerwallet.model.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the credential is inside its validity period now. A credential's own dates are in
 * whole seconds or days; a minute of leeway absorbs the clock skew between issuer and wallet.
 */
public final class ValidityCheck {

    static final Duration LEEWAY = Duration.ofMinutes(1);

    private final Clock clock;

    public ValidityCheck(Clock clock) {
        this.clock = clock;
    }

    /** Either bound may be null (unbounded). */
    public CheckResult check(Instant validFrom, Instant validUntil) {
        Instant now = clock.instant();
        if (validUntil != null && !now.minus(LEEWAY).isBefore(validUntil)) {
            return CheckResult.failed(CheckId.VALIDITY, Reason.EXPIRED, "expired at " + validUntil);
        }
        if (validFrom != null && now.plus(LEEWAY).isBefore(validFrom)) {
            return CheckResult.failed(CheckId.VALIDITY, Reason.NOT_YET_VALID, "valid from " + validFrom);
        }
        if (validFrom == null && validUntil == null) {
            return CheckResult.passed(CheckId.VALIDITY, Reason.NO_VALIDITY_LIMITS, null);
        }
        return CheckResult.passed(CheckId.VALIDITY);
    }
}
