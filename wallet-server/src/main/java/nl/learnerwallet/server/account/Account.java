package nl.learnerwallet.server.account;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** An account: its public account key and when it was registered. */
@MappedEntity("accounts")
public record Account(@Id @MappedProperty("public_key") String publicKey, @MappedProperty("created_at") long createdAt) {
}
