package nl.learnerwallet.desktop;

import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * How screens run wallet work: on the wallet's thread, with what is happening in the status bar
 * while it runs, and the result — or one sentence saying why it failed — back on the JavaFX thread.
 */
public final class Jobs {

    private final WalletSession session;
    private final ActivityBar bar;
    /** Jobs asked for and not yet finished; touched on the JavaFX thread only. */
    private int running;

    public Jobs(WalletSession session, ActivityBar bar) {
        this.session = session;
        this.bar = bar;
    }

    public WalletSession session() {
        return session;
    }

    public ActivityBar bar() {
        return bar;
    }

    /** Runs the work; a failure is told in the status bar. */
    public <T> void run(String activity, WalletSession.WalletWork<T> work, Consumer<T> done) {
        run(activity, work, done, bar::problem);
    }

    /** Runs the work; a failure's sentence goes to {@code failed} (a form shows it beside its fields). */
    public <T> void run(String activity, WalletSession.WalletWork<T> work, Consumer<T> done, Consumer<String> failed) {
        started();
        session.submit(wallet -> {
            // Said when the job starts, not when it is queued: a row of imports shows each in turn.
            Platform.runLater(() -> bar.working(activity));
            return work.run(wallet);
        }).whenComplete((result, error) -> Platform.runLater(() -> {
            finished();
            if (error == null) {
                done.accept(result);
            } else {
                failed.accept(Problems.sentence(error));
            }
        }));
    }

    /** Opens the wallet (unlock, create, restore, reset); a failure's sentence goes to {@code failed}. */
    public void open(String activity, WalletSession.WalletOpener opener, Runnable done, Consumer<String> failed) {
        started();
        bar.working(activity);
        session.open(opener).whenComplete((ignored, error) -> Platform.runLater(() -> {
            finished();
            if (error == null) {
                done.run();
            } else {
                failed.accept(Problems.sentence(error));
            }
        }));
    }

    private void started() {
        running++;
        // Busy from the moment it is asked for: a job waiting behind another is work not yet done.
        bar.busy();
    }

    private void finished() {
        running--;
        if (running == 0) {
            bar.idle();
        }
    }
}
