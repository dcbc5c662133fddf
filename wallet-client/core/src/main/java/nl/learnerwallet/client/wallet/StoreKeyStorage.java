package nl.learnerwallet.client.wallet;

import nl.learnerwallet.client.keys.KeyStorage;

/** Key storage for the JVM clients: secrets as encrypted records of the local store. */
final class StoreKeyStorage implements KeyStorage {

    private static final String TYPE = "secret";

    private final EncryptedRecords records;

    StoreKeyStorage(EncryptedRecords records) {
        this.records = records;
    }

    @Override
    public void put(String alias, byte[] secret) {
        records.write(TYPE, alias, secret);
    }

    @Override
    public byte[] get(String alias) {
        return records.read(TYPE, alias);
    }

    @Override
    public void delete(String alias) {
        records.delete(TYPE, alias);
    }
}
