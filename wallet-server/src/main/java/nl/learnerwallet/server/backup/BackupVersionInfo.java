package nl.learnerwallet.server.backup;

import io.micronaut.core.annotation.Introspected;

/** A backup version without its ciphertext, for listings and quota sums. */
@Introspected
public record BackupVersionInfo(String id, long version, long sizeBytes, long createdAt) {
}
