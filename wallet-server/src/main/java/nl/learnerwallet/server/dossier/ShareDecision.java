package nl.learnerwallet.server.dossier;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One decision on a dossier as stored: its place in the order, its id only as a hash, the credential sealed under the token. */
@MappedEntity("share_decisions")
public record ShareDecision(
        @Id String id,
        @MappedProperty("share_id") String shareId,
        int number,
        @MappedProperty("decision_hash") String decisionHash,
        byte[] sealed,
        @MappedProperty("received_at") long receivedAt) {
}
