package nl.learnerwallet.server.backup;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One version of an account's backup: ciphertext only, with its size and hash for integrity. */
@MappedEntity("backup_versions")
public record BackupVersion(
        @Id String id,
        @MappedProperty("account_key") String accountKey,
        long version,
        @MappedProperty("size_bytes") long sizeBytes,
        String sha256,
        @MappedProperty("created_at") long createdAt,
        byte[] ciphertext) {
}
