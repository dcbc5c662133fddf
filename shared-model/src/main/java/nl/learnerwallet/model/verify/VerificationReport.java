package nl.learnerwallet.model.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The named checks run on one credential and the time they were run. The summary
 * {@link #status()} is derived, never stored apart from the checks.
 */
public record VerificationReport(List<CheckResult> checks, Instant checkedAt, boolean selfDeclared) {

    public VerificationReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        checks = Collections.unmodifiableList(new ArrayList<>(checks));
    }

    public static VerificationReport of(Instant checkedAt, List<CheckResult> checks) {
        return new VerificationReport(checks, checkedAt, false);
    }

    /** A report on an entry no issuer signed: there is nothing to check. */
    public static VerificationReport selfDeclared(Instant checkedAt) {
        return new VerificationReport(Collections.<CheckResult>emptyList(), checkedAt, true);
    }

    /** A report on an entry no issuer signed, with the checks its form allows (its format). */
    public static VerificationReport selfDeclared(Instant checkedAt, CheckResult... checks) {
        return new VerificationReport(java.util.Arrays.asList(checks), checkedAt, true);
    }

    /** The first status of DESIGN.md's order that applies. */
    public VerificationStatus status() {
        if (failed(CheckId.FORMAT)) {
            return VerificationStatus.MALFORMED;
        }
        if (failed(CheckId.SIGNATURE) || failed(CheckId.ISSUER_KEY) || failed(CheckId.HOLDER_BINDING)) {
            return VerificationStatus.TAMPERED;
        }
        if (failed(CheckId.STATUS)) {
            return VerificationStatus.REVOKED;
        }
        if (failed(CheckId.VALIDITY)) {
            return VerificationStatus.EXPIRED;
        }
        if (failed(CheckId.RECIPIENT)) {
            return VerificationStatus.NOT_RECIPIENT;
        }
        if (failed(CheckId.ISSUER_TRUST)) {
            return VerificationStatus.UNKNOWN_ISSUER;
        }
        for (CheckResult check : checks) {
            if (check.outcome() == Outcome.INCONCLUSIVE) {
                return VerificationStatus.UNVERIFIABLE;
            }
        }
        if (selfDeclared) {
            return VerificationStatus.SELF_DECLARED;
        }
        return VerificationStatus.VERIFIED;
    }

    /** The result of the named check, or null when it was not run. */
    public CheckResult check(CheckId id) {
        for (CheckResult check : checks) {
            if (check.check() == id) {
                return check;
            }
        }
        return null;
    }

    private boolean failed(CheckId id) {
        CheckResult check = check(id);
        return check != null && check.outcome() == Outcome.FAILED;
    }
}
