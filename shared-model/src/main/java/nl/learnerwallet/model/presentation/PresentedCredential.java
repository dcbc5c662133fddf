package nl.learnerwallet.model.presentation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * One credential inside a presentation, verified on its own: its format (null when unreadable),
 * the report, the card (null when it could not be read), and for an SD-JWT the claims of its type
 * the learner chose not to disclose.
 */
public record PresentedCredential(int index, CredentialFormat format, VerificationReport report, CredentialCard card,
        List<String> withheldClaims) {

    public PresentedCredential {
        withheldClaims = withheldClaims == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(withheldClaims));
    }

    public PresentedCredential(int index, CredentialFormat format, VerificationReport report, CredentialCard card) {
        this(index, format, report, card, null);
    }
}
