package nl.learnerwallet.desktop.unlock;

import java.util.Arrays;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Refusal;

/** A new passphrase, typed twice so that a typo does not lock the learner out, and long enough. */
final class NewPassphrase {

    private final PasswordField first = new PasswordField();
    private final PasswordField second = new PasswordField();

    NewPassphrase(String idPrefix) {
        first.setId(idPrefix + "-passphrase");
        second.setId(idPrefix + "-passphrase-again");
    }

    /** Adds the two fields with their labels to a form, from the given row on; returns the next free row. */
    int addTo(GridPane form, int row) {
        form.addRow(row, Labels.forField("passphrase.new", first), first);
        form.addRow(row + 1, Labels.forField("passphrase.again", second), second);
        return row + 2;
    }

    /** @throws Refusal when the two differ or the passphrase is too short; nothing is written then */
    char[] value() {
        char[] chosen = first.getText().toCharArray();
        if (!Arrays.equals(chosen, second.getText().toCharArray())) {
            throw new Refusal("passphrase.differ");
        }
        if (chosen.length < Wallet.MIN_PASSPHRASE_LENGTH) {
            throw new Refusal("passphrase.tooShort", Wallet.MIN_PASSPHRASE_LENGTH);
        }
        return chosen;
    }

    void clear() {
        first.clear();
        second.clear();
    }
}
