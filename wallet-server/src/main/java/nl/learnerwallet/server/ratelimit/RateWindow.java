package nl.learnerwallet.server.ratelimit;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** Hits from one client in one fixed window; the id is a hash of the client and the window. */
@MappedEntity("rate_windows")
public record RateWindow(@Id String id, int hits, @MappedProperty("expires_at") long expiresAt) {
}
