package nl.learnerwallet.server.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A signed request's nonce, kept until the request could no longer be accepted anyway. */
@MappedEntity("used_nonces")
public record UsedNonce(@Id String nonce, @MappedProperty("expires_at") long expiresAt) {
}
