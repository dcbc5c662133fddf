package nl.learnerwallet.client.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the wallet, decrypted, with its timestamps: a live record with its content, or a
 * tombstone. What backups carry and merges compare.
 */
public record WalletRecord(String type, String id, long createdAt, long updatedAt, boolean deleted, byte[] content) {

    public WalletRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (deleted != (content == null)) {
            throw new IllegalArgumentException("a tombstone has no content and a live record has one");
        }
        content = content == null ? null : content.clone();
    }

    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** The record's identity across devices: its type and id. */
    public String key() {
        return type + "\n" + id;
    }

    /** Same content and state, whatever the timestamps. */
    public boolean sameAs(WalletRecord other) {
        return deleted == other.deleted && Arrays.equals(content, other.content);
    }
}
