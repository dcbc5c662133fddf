package nl.learnerwallet.model.presentation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * What verifying a presentation found: whether the holder's signature and the share it was made
 * for hold ({@code holderBinding}), the holder's DID, the identities the learner disclosed, and
 * each credential's own report.
 */
public record PresentationReport(String holder, CheckResult holderBinding, List<String> disclosedIdentities,
        List<PresentedCredential> credentials, Instant checkedAt) {

    public PresentationReport {
        disclosedIdentities = Collections.unmodifiableList(new ArrayList<>(disclosedIdentities));
        credentials = Collections.unmodifiableList(new ArrayList<>(credentials));
    }

    /** MALFORMED when unreadable, TAMPERED when the holder's signature or binding fails, else the worst credential's status. */
    public VerificationStatus status() {
        if (holderBinding.outcome() == Outcome.FAILED) {
            return holderBinding.check() == nl.learnerwallet.model.verify.CheckId.FORMAT
                    ? VerificationStatus.MALFORMED : VerificationStatus.TAMPERED;
        }
        VerificationStatus worst = VerificationStatus.VERIFIED;
        for (PresentedCredential credential : credentials) {
            VerificationStatus status = credential.report().status();
            if (status.ordinal() < worst.ordinal()) {
                worst = status;
            }
        }
        return credentials.isEmpty() ? VerificationStatus.MALFORMED : worst;
    }
}
