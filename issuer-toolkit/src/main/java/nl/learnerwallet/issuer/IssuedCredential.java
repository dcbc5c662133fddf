package nl.learnerwallet.issuer;

import java.time.Instant;
import java.util.Objects;

/**
 * One credential an organisation issued, as {@code issued.json} records it.
 *
 * @param id the credential's id ({@code urn:uuid:…})
 * @param file the credential's file, relative to the organisation's folder
 * @param status its status list entry, or null when it was issued without one
 */
public record IssuedCredential(String id, AchievementKind kind, IssueFormat format, String file, Instant issuedAt,
        StatusEntry status) {

    public IssuedCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    IssuedCredential withStatus(StatusEntry value) {
        return new IssuedCredential(id, kind, format, file, issuedAt, value);
    }
}
