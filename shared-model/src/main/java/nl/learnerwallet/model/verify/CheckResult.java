package nl.learnerwallet.model.verify;

import java.util.Objects;

/**
 * The result of one named check: passed, failed with a reason, or inconclusive with a reason.
 * {@code detail} is a short technical note for people (never asserted on), or {@code null}.
 */
public sealed interface CheckResult permits CheckResult.Passed, CheckResult.Failed, CheckResult.Inconclusive {

    CheckId check();

    Reason reason();

    String detail();

    Outcome outcome();

    static CheckResult passed(CheckId check) {
        return new Passed(check, Reason.OK, null);
    }

    static CheckResult passed(CheckId check, Reason reason, String detail) {
        return new Passed(check, reason, detail);
    }

    static CheckResult failed(CheckId check, Reason reason, String detail) {
        return new Failed(check, reason, detail);
    }

    static CheckResult inconclusive(CheckId check, Reason reason, String detail) {
        return new Inconclusive(check, reason, detail);
    }

    record Passed(CheckId check, Reason reason, String detail) implements CheckResult {
        public Passed {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Outcome outcome() {
            return Outcome.PASSED;
        }
    }

    record Failed(CheckId check, Reason reason, String detail) implements CheckResult {
        public Failed {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Outcome outcome() {
            return Outcome.FAILED;
        }
    }

    record Inconclusive(CheckId check, Reason reason, String detail) implements CheckResult {
        public Inconclusive {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Outcome outcome() {
            return Outcome.INCONCLUSIVE;
        }
    }
}
