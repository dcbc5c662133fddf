package nl.learnerwallet.android;

import android.security.keystore.KeyGenParameterSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.KeyStoreSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Android Keystore's JCA face ("AndroidKeyStore": a KeyStore and an AES KeyGenerator taking a
 * {@link KeyGenParameterSpec}) in software, for Robolectric, which has no Keystore: the app's own
 * {@link AndroidKeystoreKeyStorage} then runs unchanged. Its keys live as long as this provider is
 * installed, as a phone's live until the app is uninstalled.
 */
public final class SoftwareAndroidKeyStore extends Provider {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, SecretKey> keys = new HashMap<>();

    private SoftwareAndroidKeyStore() {
        super(AndroidKeystoreKeyStorage.KEYSTORE, "1.0", "software stand-in for the Android Keystore, for tests");
        putService(new Service(this, "KeyStore", AndroidKeystoreKeyStorage.KEYSTORE, Store.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Store(keys);
            }
        });
        putService(new Service(this, "KeyGenerator", "AES", Generator.class.getName(), null, null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Generator(keys);
            }
        });
    }

    /** A fresh, empty Keystore for this test (a new phone). */
    public static void install() {
        Security.removeProvider(AndroidKeystoreKeyStorage.KEYSTORE);
        Security.addProvider(new SoftwareAndroidKeyStore());
    }

    static final class Store extends KeyStoreSpi {
        private final Map<String, SecretKey> keys;

        Store(Map<String, SecretKey> keys) {
            this.keys = keys;
        }

        @Override
        public Key engineGetKey(String alias, char[] password) {
            return keys.get(alias);
        }

        @Override
        public Certificate[] engineGetCertificateChain(String alias) {
            return null;
        }

        @Override
        public Certificate engineGetCertificate(String alias) {
            return null;
        }

        @Override
        public Date engineGetCreationDate(String alias) {
            return keys.containsKey(alias) ? new Date() : null;
        }

        @Override
        public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) {
            keys.put(alias, (SecretKey) key);
        }

        @Override
        public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineSetCertificateEntry(String alias, Certificate cert) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void engineDeleteEntry(String alias) {
            keys.remove(alias);
        }

        @Override
        public Enumeration<String> engineAliases() {
            return Collections.enumeration(keys.keySet());
        }

        @Override
        public boolean engineContainsAlias(String alias) {
            return keys.containsKey(alias);
        }

        @Override
        public int engineSize() {
            return keys.size();
        }

        @Override
        public boolean engineIsKeyEntry(String alias) {
            return keys.containsKey(alias);
        }

        @Override
        public boolean engineIsCertificateEntry(String alias) {
            return false;
        }

        @Override
        public String engineGetCertificateAlias(Certificate cert) {
            return null;
        }

        @Override
        public void engineStore(OutputStream stream, char[] password) {
        }

        @Override
        public void engineLoad(InputStream stream, char[] password) {
        }
    }

    static final class Generator extends KeyGeneratorSpi {
        private final Map<String, SecretKey> keys;
        private KeyGenParameterSpec spec;
        private final SecureRandom random = new SecureRandom();

        Generator(Map<String, SecretKey> keys) {
            this.keys = keys;
        }

        @Override
        protected void engineInit(SecureRandom random) {
            throw new IllegalStateException("the Android Keystore makes keys only from a KeyGenParameterSpec");
        }

        @Override
        protected void engineInit(AlgorithmParameterSpec params, SecureRandom random) throws InvalidAlgorithmParameterException {
            if (!(params instanceof KeyGenParameterSpec)) {
                throw new InvalidAlgorithmParameterException("the Android Keystore takes a KeyGenParameterSpec");
            }
            spec = (KeyGenParameterSpec) params;
        }

        @Override
        protected void engineInit(int keysize, SecureRandom random) {
            throw new IllegalStateException("the Android Keystore makes keys only from a KeyGenParameterSpec");
        }

        @Override
        protected SecretKey engineGenerateKey() {
            byte[] bytes = new byte[spec.getKeySize() / 8];
            random.nextBytes(bytes);
            SecretKey key = new SecretKeySpec(bytes, "AES");
            keys.put(spec.getKeystoreAlias(), key);
            return key;
        }
    }
}
