package nl.learnerwallet.model.presentation;

import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * One credential inside a presentation, verified on its own: its format (null when unreadable),
 * the report, and the card (null when it could not be read).
 */
public record PresentedCredential(int index, CredentialFormat format, VerificationReport report, CredentialCard card) {
}
