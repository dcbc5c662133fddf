package nl.learnerwallet.model.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValidityCheckTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private final ValidityCheck check = new ValidityCheck(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void passesInsideTheValidityPeriod() {
        CheckResult result = check.check(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)));

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.reason()).isEqualTo(Reason.OK);
    }

    @Test
    void passesWithoutLimitsSayingSo() {
        assertThat(check.check(null, null).reason()).isEqualTo(Reason.NO_VALIDITY_LIMITS);
    }

    @Test
    void failsAfterTheEnd() {
        CheckResult result = check.check(null, NOW.minus(Duration.ofDays(1)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void failsBeforeTheStart() {
        CheckResult result = check.check(NOW.plus(Duration.ofHours(1)), null);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void allowsAMinuteOfClockSkewAtBothEnds() {
        assertThat(check.check(null, NOW.minusSeconds(30)).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check.check(NOW.plusSeconds(30), null).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(check.check(null, NOW.minus(ValidityCheck.LEEWAY)).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(check.check(NOW.plus(ValidityCheck.LEEWAY).plusSeconds(1), null).reason())
                .isEqualTo(Reason.NOT_YET_VALID);
    }
}
