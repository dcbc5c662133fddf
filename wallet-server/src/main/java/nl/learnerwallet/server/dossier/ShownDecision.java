package nl.learnerwallet.server.dossier;

import java.time.Instant;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * A stored decision as it is shown: verified again now (an institution's key that no longer checks
 * out shows so), what was decided ({@code decision} null when it cannot be read any more), and
 * the number of the decision it follows, or null.
 */
public record ShownDecision(int number, String credential, Instant receivedAt, VerificationReport report, CredentialCard card,
        ExemptionDecision decision, Integer followsNumber) {
}
