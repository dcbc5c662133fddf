package nl.learnerwallet.server.ops;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * One entry of the operators' audit trail: when, what ({@code TAKEDOWN}, {@code SUSPEND},
 * {@code UNSUSPEND}), on what (a share id or an account key), why, and by whom. Never changed,
 * never deleted by retention.
 */
@MappedEntity("admin_actions")
public record AdminAction(
        @Id String id,
        @MappedProperty("acted_at") long actedAt,
        String action,
        String subject,
        String reason,
        String operator) {

    /** What an operator can do. */
    public enum Kind { TAKEDOWN, SUSPEND, UNSUSPEND }
}
