package nl.learnerwallet.client.wallet;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.crypto.AesGcm;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.StoredRecord;

/**
 * Field-level encryption over a {@link RecordStore}: each payload is sealed with AES-256-GCM under
 * the wallet's data key, bound to its type and id, so the database file holds only opaque ids,
 * timestamps and ciphertext.
 */
final class EncryptedRecords {

    private final RecordStore store;
    private final byte[] dataKey;
    private final SecureRandom random;
    private final Clock clock;

    EncryptedRecords(RecordStore store, byte[] dataKey, SecureRandom random, Clock clock) {
        this.store = store;
        this.dataKey = dataKey.clone();
        this.random = random;
        this.clock = clock;
    }

    /** A live record's plaintext, or null when absent or deleted. */
    byte[] read(String type, String id) {
        StoredRecord record = store.get(type, id);
        if (record == null || record.deleted()) {
            return null;
        }
        return AesGcm.decrypt(dataKey, record.payload(), associatedData(type, id));
    }

    /** Ids and plaintexts of the live records of a type, oldest first. */
    List<Entry> readAll(String type) {
        List<Entry> out = new ArrayList<>();
        for (StoredRecord record : store.list(type)) {
            if (!record.deleted()) {
                out.add(new Entry(record.id(), AesGcm.decrypt(dataKey, record.payload(), associatedData(type, record.id()))));
            }
        }
        return out;
    }

    void write(String type, String id, byte[] plaintext) {
        long now = clock.millis();
        StoredRecord existing = store.get(type, id);
        long created = existing == null ? now : existing.createdAt();
        store.put(new StoredRecord(type, id, created, now, false,
                AesGcm.encrypt(dataKey, plaintext, associatedData(type, id), random)));
    }

    /** Replaces the record with a tombstone; true when there was a live record. */
    boolean delete(String type, String id) {
        StoredRecord existing = store.get(type, id);
        if (existing == null || existing.deleted()) {
            return false;
        }
        store.put(StoredRecord.tombstone(type, id, existing.createdAt(), clock.millis()));
        return true;
    }

    /** Every record of a type, tombstones included, decrypted; for backups and merges. */
    List<RawEntry> readRaw(String type) {
        List<RawEntry> out = new ArrayList<>();
        for (StoredRecord record : store.list(type)) {
            byte[] plaintext = record.deleted() ? null
                    : AesGcm.decrypt(dataKey, record.payload(), associatedData(type, record.id()));
            out.add(new RawEntry(record.id(), record.createdAt(), record.updatedAt(), record.deleted(), plaintext));
        }
        return out;
    }

    /** Writes a record exactly as another device had it, timestamps included. */
    void writeRaw(String type, RawEntry entry) {
        store.put(new StoredRecord(type, entry.id(), entry.createdAt(), entry.updatedAt(), entry.deleted(),
                entry.deleted() ? null : AesGcm.encrypt(dataKey, entry.plaintext(), associatedData(type, entry.id()), random)));
    }

    RecordStore store() {
        return store;
    }

    private static byte[] associatedData(String type, String id) {
        return (type + "\n" + id).getBytes(StandardCharsets.UTF_8);
    }

    record Entry(String id, byte[] plaintext) {
    }

    record RawEntry(String id, long createdAt, long updatedAt, boolean deleted, byte[] plaintext) {
    }
}
