package nl.learnerwallet.client.keys;

/**
 * Where the wallet keeps its private keys and secrets. On the desktop they are encrypted
 * records in the local store; Android backs this with the Android Keystore.
 */
public interface KeyStorage {

    void put(String alias, byte[] secret);

    /** @return the secret, or null when none is stored under the alias */
    byte[] get(String alias);

    void delete(String alias);
}
