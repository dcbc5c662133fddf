package nl.learnerwallet.android;

import android.content.Context;
import android.content.SharedPreferences;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import android.util.Base64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import nl.learnerwallet.client.keys.KeyStorage;
import nl.learnerwallet.client.store.StoreException;

/**
 * The core's key storage on the Android Keystore: every secret is sealed (AES-256-GCM, the alias as
 * associated data) under one AES key that the Keystore makes and never lets out of its secure
 * hardware (or its software fallback), and only the sealed bytes are kept, in the app's private
 * preferences. Copying the app's files to another phone gives nothing that opens there.
 *
 * <p>Throws {@link StoreException} when the Keystore refuses, or a sealed secret does not open.
 */
final class AndroidKeystoreKeyStorage implements KeyStorage {

    static final String KEYSTORE = "AndroidKeyStore";
    private static final String WRAPPING_KEY_ALIAS = "learner-wallet.wrapping-key";
    private static final String PREFERENCES = "keystore-sealed-secrets";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;

    private final SharedPreferences sealed;

    AndroidKeystoreKeyStorage(Context context) {
        this.sealed = context.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE);
    }

    @Override
    public void put(String alias, byte[] secret) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            // The Keystore picks the IV itself: it refuses caller-chosen IVs for encryption.
            cipher.init(Cipher.ENCRYPT_MODE, wrappingKey());
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            byte[] iv = cipher.getIV();
            byte[] ciphertext = cipher.doFinal(secret);
            byte[] stored = ByteBuffer.allocate(1 + iv.length + ciphertext.length)
                    .put((byte) iv.length).put(iv).put(ciphertext).array();
            // commit, not apply: the wallet is unreadable without this secret, so it must be on disk now.
            if (!sealed.edit().putString(alias, Base64.encodeToString(stored, Base64.NO_WRAP)).commit()) {
                throw new StoreException("the sealed key could not be written", null);
            }
        } catch (GeneralSecurityException e) {
            throw new StoreException("the Android Keystore refused to seal a key", e);
        }
    }

    @Override
    public byte[] get(String alias) {
        String value = sealed.getString(alias, null);
        if (value == null) {
            return null;
        }
        try {
            byte[] stored = Base64.decode(value, Base64.NO_WRAP);
            int ivLength = stored[0];
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, existingWrappingKey(),
                    new GCMParameterSpec(TAG_BITS, stored, 1, ivLength));
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, 1 + ivLength, stored.length - 1 - ivLength);
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new StoreException("a key sealed by the Android Keystore does not open on this phone", e);
        }
    }

    @Override
    public void delete(String alias) {
        sealed.edit().remove(alias).commit();
    }

    private static SecretKey wrappingKey() throws GeneralSecurityException {
        Key existing = keyStore().getKey(WRAPPING_KEY_ALIAS, null);
        if (existing instanceof SecretKey) {
            return (SecretKey) existing;
        }
        KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE);
        generator.init(new KeyGenParameterSpec.Builder(WRAPPING_KEY_ALIAS,
                KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .build());
        return generator.generateKey();
    }

    private static SecretKey existingWrappingKey() throws GeneralSecurityException {
        Key key = keyStore().getKey(WRAPPING_KEY_ALIAS, null);
        if (!(key instanceof SecretKey)) {
            throw new java.security.KeyStoreException("the Keystore no longer holds the wallet's wrapping key");
        }
        return (SecretKey) key;
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KEYSTORE);
        try {
            store.load(null);
        } catch (java.io.IOException e) {
            throw new java.security.KeyStoreException("the Android Keystore could not be opened", e);
        }
        return store;
    }
}
