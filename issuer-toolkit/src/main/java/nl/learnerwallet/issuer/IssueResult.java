package nl.learnerwallet.issuer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.EuStandardElement;

/**
 * An issued credential: its id, the file it was written to, the compact form (VC-JWT, or SD-JWT
 * with every disclosure), the card a wallet reads from it (read back with shared-model), and the
 * mandatory EU standard elements it lacks (only when issued with {@code allowIncomplete}).
 *
 * @param status its status list entry, or null
 */
public record IssueResult(String id, Path file, AchievementKind kind, IssueFormat format, String credential,
        CredentialCard card, List<EuStandardElement> missing, StatusEntry status) {

    public IssueResult {
        missing = Collections.unmodifiableList(new ArrayList<>(missing));
    }

    /** Whether a wallet shows it as another kind than was asked for (the format had no word for it). */
    public boolean shownAsOtherKind() {
        return card.kind() != kind.intendedKind();
    }
}
