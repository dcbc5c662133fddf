package nl.learnerwallet.desktop.unlock;

import java.util.function.Function;
import nl.learnerwallet.client.home.WalletHome;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.wallet.Wallet;

/** Opening a wallet on the folder's store, which is closed again when the opening fails (a wrong passphrase). */
public final class Stores {

    private Stores() {
    }

    public static Wallet open(WalletHome home, boolean create, Function<RecordStore, Wallet> opener) {
        RecordStore store = home.openStore(create);
        try {
            return opener.apply(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
