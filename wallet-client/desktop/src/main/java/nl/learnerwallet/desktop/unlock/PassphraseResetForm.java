package nl.learnerwallet.desktop.unlock;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Problems;
import nl.learnerwallet.desktop.Refusal;

/**
 * A new passphrase, proven by the recovery code: for a learner who forgot the old one, and from
 * the backup tab for one who wants another. The old passphrase keeps working when the code is wrong.
 */
public final class PassphraseResetForm {

    private PassphraseResetForm() {
    }

    /**
     * @param onDone runs when the new passphrase is set and the wallet is open with it
     * @param onCancel runs when the learner goes back
     */
    public static VBox page(Jobs jobs, Runnable onDone, Runnable onCancel) {
        TextField code = new TextField();
        code.setId("reset-recovery-code");
        code.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        code.setPrefColumnCount(34);
        NewPassphrase passphrase = new NewPassphrase("reset");
        GridPane grid = Forms.grid();
        grid.addRow(0, Labels.forField("recovery.code", code), code);
        passphrase.addTo(grid, 1);
        Label problem = Forms.problemLine("reset-problem");
        Button reset = new Button(Messages.get("reset.button"));
        reset.setId("reset-button");
        reset.setDefaultButton(true);
        Button back = new Button(Messages.get("reset.back"));
        back.setId("reset-back");
        back.setCancelButton(true);
        back.setOnAction(event -> onCancel.run());
        reset.setOnAction(event -> {
            char[] chosen;
            try {
                if (code.getText().trim().isEmpty()) {
                    throw new Refusal("recovery.empty");
                }
                chosen = passphrase.value();
            } catch (Refusal refusal) {
                problem.setText(Problems.sentence(refusal));
                return;
            }
            String typed = code.getText();
            reset.setDisable(true);
            problem.setText("");
            jobs.open(Messages.get("reset.working"),
                    home -> Stores.open(home, false, store -> Wallet.resetPassphrase(store, typed, chosen, jobs.session().context())),
                    () -> {
                        jobs.bar().say(Messages.get("reset.done"));
                        onDone.run();
                    }, sentence -> {
                        reset.setDisable(false);
                        problem.setText(sentence);
                    });
        });
        VBox page = Forms.page(Messages.get("reset.title"), Messages.get("reset.intro"), grid, new HBox(reset, back), problem);
        page.setId("passphrase-reset");
        return page;
    }
}
