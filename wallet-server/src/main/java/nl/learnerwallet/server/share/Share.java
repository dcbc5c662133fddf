package nl.learnerwallet.server.share;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A share link as stored: no token, only its hash; the presentation sealed under the token; whether an operator took it down. */
@MappedEntity("shares")
public record Share(
        @Id String id,
        @MappedProperty("account_key") String accountKey,
        @MappedProperty("token_hash") String tokenHash,
        String nonce,
        String purpose,
        @MappedProperty("created_at") long createdAt,
        @MappedProperty("expires_at") long expiresAt,
        @Nullable @MappedProperty("max_views") Integer maxViews,
        int views,
        @Nullable @MappedProperty("revoked_at") Long revokedAt,
        boolean active,
        @Nullable byte[] payload,
        @Nullable @MappedProperty("taken_down_at") Long takenDownAt) {

    /** What the learner sees: the real state of the link. */
    public enum State { PENDING, ACTIVE, EXPIRED, REVOKED, USED_UP, TAKEN_DOWN }

    public State state(long now) {
        if (takenDownAt != null) {
            return State.TAKEN_DOWN;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (!active) {
            return State.PENDING;
        }
        if (now >= expiresAt) {
            return State.EXPIRED;
        }
        if (maxViews != null && views >= maxViews) {
            return State.USED_UP;
        }
        return State.ACTIVE;
    }
}
