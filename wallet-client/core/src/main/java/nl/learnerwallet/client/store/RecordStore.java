package nl.learnerwallet.client.store;

import java.util.List;

/**
 * Storage for the wallet: clear metadata and records with encrypted payloads. Implementations
 * are the platform's database; every write inside {@link #inTransaction} is all or nothing.
 *
 * <p>Implementations throw {@link StoreException} when the storage itself fails.
 */
public interface RecordStore extends AutoCloseable {

    /** @return the value, or null */
    byte[] meta(String name);

    void putMeta(String name, byte[] value);

    /** @return the record (live or tombstone), or null */
    StoredRecord get(String type, String id);

    /** Live records and tombstones of a type, oldest first. */
    List<StoredRecord> list(String type);

    void put(StoredRecord record);

    /** Runs the work so that all its writes land together or none does. */
    void inTransaction(Runnable work);

    @Override
    void close();
}
