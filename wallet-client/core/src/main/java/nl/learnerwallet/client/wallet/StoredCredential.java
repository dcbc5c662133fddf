package nl.learnerwallet.client.wallet;

import java.time.Instant;
import java.util.Objects;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * A credential in the wallet: its original bytes verbatim, the card read from them, and the
 * report of its last verification.
 */
public record StoredCredential(String id, CredentialFormat format, byte[] original, CredentialCard card,
        VerificationReport report, Instant importedAt) {

    public StoredCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(importedAt, "importedAt");
        original = original.clone();
    }

    @Override
    public byte[] original() {
        return original.clone();
    }
}
