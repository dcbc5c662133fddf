package nl.learnerwallet.server.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** An account: its public account key, when it was registered, and when an operator suspended it (if so). */
@MappedEntity("accounts")
public record Account(
        @Id @MappedProperty("public_key") String publicKey,
        @MappedProperty("created_at") long createdAt,
        @Nullable @MappedProperty("suspended_at") Long suspendedAt) {
}
