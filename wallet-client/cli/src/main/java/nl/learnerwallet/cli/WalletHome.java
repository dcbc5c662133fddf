package nl.learnerwallet.cli;

import java.io.IOException;
import java.nio.file.Path;
import nl.learnerwallet.client.home.WalletHomeException;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.model.trust.TrustList;

/**
 * The wallet's folder as the command sees it: the core's {@link nl.learnerwallet.client.home.WalletHome}
 * (shared with the desktop app), whose failures become one sentence and an exit code here.
 */
final class WalletHome {

    private final nl.learnerwallet.client.home.WalletHome home;

    WalletHome(Path directory) {
        this.home = new nl.learnerwallet.client.home.WalletHome(directory);
    }

    WalletHome(nl.learnerwallet.client.home.WalletHome home) {
        this.home = home;
    }

    Path directory() {
        return home.directory();
    }

    boolean hasWallet() {
        return home.hasWallet();
    }

    /** Opens the store, creating the folder (owner-only) when asked to. */
    RecordStore openStore(boolean create) {
        try {
            return home.openStore(create);
        } catch (WalletHomeException e) {
            throw refusal(e);
        }
    }

    /** After a failed restore: removes the database file when it holds no wallet, so nothing half-made stays. */
    void removeEmptyDatabase() {
        home.removeEmptyDatabase();
    }

    TrustList trustList() {
        try {
            return home.trustList();
        } catch (WalletHomeException e) {
            throw refusal(e);
        }
    }

    /** Writes the trust list atomically: a reader sees the old list or the new one, never half. */
    void saveTrustList(TrustList trustList) {
        try {
            home.saveTrustList(trustList);
        } catch (WalletHomeException e) {
            throw refusal(e);
        }
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        nl.learnerwallet.client.home.WalletHome.writeAtomically(target, content);
    }

    private static CliException refusal(WalletHomeException e) {
        switch (e.problem()) {
            case NO_WALLET:
                return new CliException(ExitCode.BAD_INPUT, "NO_WALLET", Messages.get("error.noWallet", e.path()));
            case TRUST_LIST_DAMAGED:
                return new CliException(ExitCode.BAD_INPUT, "TRUST_LIST_DAMAGED", Messages.get("error.trustListDamaged", e.path()));
            default:
                return new CliException(ExitCode.BAD_INPUT, "HOME_UNUSABLE", Messages.get("error.homeUnusable", e.path()));
        }
    }
}
