package nl.learnerwallet.android;

import android.content.Context;
import android.util.AtomicFile;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import nl.learnerwallet.client.keys.KeyStorage;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.StoreException;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.client.wallet.WalletException;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;

/**
 * The app's one wallet: the core's {@link Wallet} over the platform's SQLite
 * ({@link AndroidSqliteRecordStore}), unlocked by a random passphrase that only the Android
 * Keystore can unseal ({@link AndroidKeystoreKeyStorage}), so the learner is never asked for one:
 * the phone's own screen lock guards it, and the recovery code restores the wallet elsewhere. The
 * trust list is a file beside it, as in the JVM clients.
 *
 * <p>Not thread-safe, like {@link Wallet}: every call comes from {@link Background}'s one thread.
 */
final class WalletSession {

    static final String DATABASE = "wallet.db";
    static final String TRUST_LIST = "trust.json";
    /** The key storage alias of the wallet's passphrase. */
    static final String PASSPHRASE_ALIAS = "wallet-passphrase";

    private static WalletSession current;

    private final Context application;
    private final KeyStorage keys;
    private final WalletContext context;
    private Wallet wallet;

    private WalletSession(Context application) {
        this.application = application;
        this.keys = new AndroidKeystoreKeyStorage(application);
        // Issuers and servers on private networks are refused, as for any wallet outside tests.
        this.context = WalletContext.standard(false);
    }

    /** The session of this app process (a new application, as in a fresh process, gets a new one). */
    static synchronized WalletSession of(Context context) {
        Context application = context.getApplicationContext();
        if (current == null || current.application != application) {
            if (current != null) {
                current.close();
            }
            current = new WalletSession(application);
        }
        return current;
    }

    WalletContext context() {
        return context;
    }

    boolean exists() {
        if (wallet != null) {
            return true;
        }
        if (!application.getDatabasePath(DATABASE).isFile() || keys.get(PASSPHRASE_ALIAS) == null) {
            return false;
        }
        try (RecordStore store = openStore()) {
            return Wallet.exists(store);
        }
    }

    /**
     * The unlocked wallet.
     *
     * @throws WalletException {@code NO_WALLET} when there is none yet
     */
    Wallet wallet() {
        if (wallet == null) {
            byte[] passphrase = keys.get(PASSPHRASE_ALIAS);
            if (passphrase == null) {
                throw new WalletException(WalletException.Problem.NO_WALLET, "there is no wallet on this phone yet");
            }
            wallet = Wallet.unlock(openStore(), chars(passphrase), context);
        }
        return wallet;
    }

    /**
     * A new wallet; the recovery code is shown once and kept nowhere.
     *
     * @throws WalletException {@code WALLET_EXISTS} when this phone's store already holds one; it is left as it is
     */
    RecoveryCode create() {
        RecordStore store = openEmptyStore();
        try {
            Wallet.Created created = Wallet.create(store, newPassphrase(), context);
            wallet = created.wallet();
            return created.recoveryCode();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The wallet back from its server's backup, with the recovery code.
     *
     * @throws nl.learnerwallet.client.sync.ServerException when the server cannot be reached, has no
     *     backup, or the backup does not open with this code; nothing stays behind then
     */
    Wallet restore(String serverUrl, RecoveryCode code) {
        RecordStore store = openEmptyStore();
        try {
            SyncService.Restored restored = SyncService.restore(store, serverUrl, code, newPassphrase(), context);
            wallet = restored.wallet();
            saveTrustList(restored.trustList());
            return wallet;
        } catch (RuntimeException e) {
            store.close();
            // Nothing half-made stays: the store was empty before (openEmptyStore made sure).
            application.deleteDatabase(DATABASE);
            throw e;
        }
    }

    /** The server this wallet is registered with. @throws nl.learnerwallet.client.sync.ServerException NOT_REGISTERED */
    ServerClient server() {
        return SyncService.clientFor(wallet(), context);
    }

    TrustList trustList() {
        AtomicFile file = trustFile();
        if (!file.getBaseFile().exists()) {
            return TrustList.empty();
        }
        try {
            return TrustList.fromJson(file.readFully());
        } catch (IOException | UntrustedInputException e) {
            throw new StoreException("the trust list could not be read", e);
        }
    }

    /** Written whole or not at all (AtomicFile keeps the old copy until the new one is complete). */
    void saveTrustList(TrustList trustList) {
        AtomicFile file = trustFile();
        FileOutputStream out = null;
        try {
            out = file.startWrite();
            out.write(trustList.toJson());
            file.finishWrite(out);
        } catch (IOException e) {
            if (out != null) {
                file.failWrite(out);
            }
            throw new StoreException("the trust list could not be written", e);
        }
    }

    void close() {
        if (wallet != null) {
            wallet.close();
            wallet = null;
        }
    }

    private AtomicFile trustFile() {
        return new AtomicFile(new java.io.File(application.getFilesDir(), TRUST_LIST));
    }

    private RecordStore openStore() {
        return AndroidSqliteRecordStore.open(application.getDatabasePath(DATABASE));
    }

    /**
     * The store, refused when it already holds a wallet: a new or restored wallet never replaces
     * one, nor is its passphrase overwritten.
     */
    private RecordStore openEmptyStore() {
        RecordStore store = openStore();
        if (Wallet.exists(store)) {
            store.close();
            throw new WalletException(WalletException.Problem.WALLET_EXISTS, "a wallet already exists on this phone");
        }
        return store;
    }

    /**
     * 256 random bits, sealed by the Keystore before the wallet is made with it: a crash in between
     * leaves an unused secret, never a wallet nothing opens.
     */
    private char[] newPassphrase() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] passphrase = android.util.Base64.encode(random, android.util.Base64.NO_WRAP | android.util.Base64.NO_PADDING)
                .clone();
        Arrays.fill(random, (byte) 0);
        keys.put(PASSPHRASE_ALIAS, passphrase);
        return chars(passphrase);
    }

    private static char[] chars(byte[] ascii) {
        return new String(ascii, StandardCharsets.US_ASCII).toCharArray();
    }
}
