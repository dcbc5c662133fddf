package nl.learnerwallet.client.store;

import java.util.Objects;

/**
 * One row of the store. Only {@code type}, {@code id} and the timestamps are in clear; the
 * payload is AES-GCM ciphertext, and null for a tombstone (a deletion kept so that a merge
 * between devices cannot bring the record back).
 */
public record StoredRecord(String type, String id, long createdAt, long updatedAt, boolean deleted, byte[] payload) {

    public StoredRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (deleted != (payload == null)) {
            throw new IllegalArgumentException("a tombstone has no payload and a live record has one");
        }
    }

    public static StoredRecord tombstone(String type, String id, long createdAt, long deletedAt) {
        return new StoredRecord(type, id, createdAt, deletedAt, true, null);
    }
}
