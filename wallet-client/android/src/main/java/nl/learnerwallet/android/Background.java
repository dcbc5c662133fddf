package nl.learnerwallet.android;

import android.app.Activity;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Wallet work off the main thread: the network, Argon2id and the database never freeze the screen.
 * One thread for all of it, so that the wallet (not thread-safe) is only ever used from there.
 * What comes back is handed to the activity on its main thread, unless it has gone meanwhile.
 */
final class Background {

    private static Executor executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wallet");
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    /**
     * For Robolectric tests: run the work at once on the calling thread, so that a click's whole
     * effect is there when the click returns.
     */
    static void runInline() {
        executor = Runnable::run;
    }

    /** Does the work; then {@code done} with its result, or {@code failed} with why it could not. */
    static <T> void run(Activity activity, Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        executor.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                deliver(activity, () -> failed.accept(e));
                return;
            } catch (LinkageError e) {
                // A library class the APK lacks: the learner gets a sentence, not a crashed app.
                deliver(activity, () -> failed.accept(new IllegalStateException(e)));
                return;
            }
            deliver(activity, () -> done.accept(result));
        });
    }

    private static void deliver(Activity activity, Runnable action) {
        activity.runOnUiThread(() -> {
            if (!activity.isFinishing() && !activity.isDestroyed()) {
                action.run();
            }
        });
    }
}
