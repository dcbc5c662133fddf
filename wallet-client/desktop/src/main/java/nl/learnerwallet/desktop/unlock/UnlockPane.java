package nl.learnerwallet.desktop.unlock;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;

/**
 * The locked wallet: the passphrase to unlock it, or — forgotten — a new one set with the
 * recovery code. Unlocking takes a moment on purpose (Argon2id), so it runs off the JavaFX thread.
 */
public final class UnlockPane extends StackPane {

    private final Jobs jobs;
    private final Runnable onUnlocked;
    private final PasswordField passphrase = new PasswordField();
    private final Label problem = Forms.problemLine("unlock-problem");
    private final Button unlock = new Button(Messages.get("unlock.button"));

    /** @param message why the learner is asked (a wrong WALLET_PASSPHRASE), or null */
    public UnlockPane(Jobs jobs, Runnable onUnlocked, String message) {
        this.jobs = jobs;
        this.onUnlocked = onUnlocked;
        setId("unlock");
        passphrase.setId("unlock-passphrase");
        unlock.setId("unlock-button");
        unlock.setDefaultButton(true);
        unlock.setOnAction(event -> unlock());
        Hyperlink forgot = new Hyperlink(Messages.get("unlock.forgot"));
        forgot.setId("forgot-passphrase");
        GridPane grid = Forms.grid();
        grid.addRow(0, Labels.forField("unlock.passphrase", passphrase), passphrase);
        problem.setText(message == null ? "" : message);
        VBox unlockPage = Forms.page(Messages.get("unlock.title"),
                Messages.get("unlock.intro", jobs.session().home().directory()), grid, unlock, problem, forgot);
        forgot.setOnAction(event -> getChildren().setAll(PassphraseResetForm.page(jobs, onUnlocked, () -> {
            getChildren().setAll(unlockPage);
            passphrase.requestFocus();
        })));
        getChildren().setAll(unlockPage);
        Platform.runLater(passphrase::requestFocus);
    }

    private void unlock() {
        char[] typed = passphrase.getText().toCharArray();
        unlock.setDisable(true);
        problem.setText("");
        jobs.open(Messages.get("unlock.unlocking"),
                home -> Stores.open(home, false, store -> Wallet.unlock(store, typed, jobs.session().context())),
                onUnlocked, sentence -> {
                    unlock.setDisable(false);
                    problem.setText(sentence);
                    passphrase.selectAll();
                    passphrase.requestFocus();
                });
    }
}
