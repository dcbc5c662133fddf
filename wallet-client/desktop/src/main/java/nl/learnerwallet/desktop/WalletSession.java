package nl.learnerwallet.desktop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.client.home.WalletHome;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;

/**
 * The unlocked wallet and the one thread that touches it. A {@link Wallet} is not thread-safe and
 * its work is slow (Argon2id to unlock, issuers and the server over the network), so every job
 * runs here, one after the other, never on the JavaFX thread.
 */
public final class WalletSession implements AutoCloseable {

    /** Work on the unlocked wallet, run on the wallet's thread. */
    @FunctionalInterface
    public interface WalletWork<T> {
        T run(Wallet wallet) throws Exception;
    }

    /** Opens (unlocks, creates, restores) the wallet in the folder, on the wallet's thread. */
    @FunctionalInterface
    public interface WalletOpener {
        Wallet open(WalletHome home) throws Exception;
    }

    private final WalletHome home;
    private final WalletContext context;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wallet");
        thread.setDaemon(true);
        return thread;
    });
    /** Read and written on the wallet's thread only. */
    private Wallet wallet;

    public WalletSession(WalletHome home, WalletContext context) {
        this.home = home;
        this.context = context;
    }

    public WalletHome home() {
        return home;
    }

    public WalletContext context() {
        return context;
    }

    /** Runs the work on the wallet's thread; fails with {@link IllegalStateException} while the wallet is locked. */
    public <T> CompletableFuture<T> submit(WalletWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            if (wallet == null) {
                throw new IllegalStateException("the wallet is locked");
            }
            try {
                return work.run(wallet);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, worker);
    }

    /** Opens a wallet and makes it the session's, closing the one it replaces (a passphrase reset opens anew). */
    public CompletableFuture<Void> open(WalletOpener opener) {
        return CompletableFuture.supplyAsync(() -> {
            Wallet opened;
            try {
                opened = opener.open(home);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            if (wallet != null && wallet != opened) {
                wallet.close();
            }
            wallet = opened;
            return null;
        }, worker);
    }

    /** Closes the wallet after the jobs already asked for, and stops the thread. */
    @Override
    public void close() {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            if (wallet != null) {
                wallet.close();
                wallet = null;
            }
        });
        worker.shutdown();
        try {
            // A network job in flight ends by its own time limits; the app does not wait for it forever.
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
