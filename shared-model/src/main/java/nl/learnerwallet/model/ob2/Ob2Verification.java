package nl.learnerwallet.model.ob2;

import java.util.List;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * What verifying an Open Badges 2.0 badge (hosted or signed) found: the report, and the assertion,
 * badge class and issuer as they were obtained (for the card and offline checks), or null.
 */
public record Ob2Verification(VerificationReport report, Ob2Documents documents) {

    static Ob2Verification of(VerificationContext context, List<CheckResult> checks, Ob2Documents documents) {
        return new Ob2Verification(VerificationReport.of(context.clock().instant(), checks), documents);
    }
}
