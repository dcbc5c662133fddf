package nl.learnerwallet.desktop;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/**
 * The status bar at the window's foot: a spinner and what the wallet is doing while a job runs
 * (checking a hosted badge with its issuer, creating a link), and afterwards what came of it —
 * one sentence, marked as a problem when something was refused.
 */
public final class ActivityBar extends HBox {

    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label message = new Label();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The last outcome told, and whether it was a problem: shown again when the work after it ends. */
    private String outcome = "";
    private boolean outcomeIsProblem;

    public ActivityBar() {
        setId("activity");
        getStyleClass().add("activity-bar");
        spinner.setId("activity-spinner");
        spinner.visibleProperty().bind(busy);
        spinner.managedProperty().bind(busy);
        message.setId("activity-message");
        message.setWrapText(true);
        // Screen readers announce the sentence when it changes.
        message.setAccessibleRole(AccessibleRole.TEXT);
        getChildren().addAll(spinner, message);
    }

    /** True while a job runs; tests and buttons wait on it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** The text now shown. */
    public String message() {
        return message.getText();
    }

    /** The last outcome told (what {@link #say} or {@link #problem} said), whatever runs now. */
    public String outcome() {
        return outcome;
    }

    void busy() {
        busy.set(true);
    }

    void working(String activity) {
        busy.set(true);
        show(activity, false);
    }

    /** The work is done: what it was doing goes, the last outcome stays. */
    void idle() {
        busy.set(false);
        show(outcome, outcomeIsProblem);
    }

    /** Tells the learner what came of something. */
    public void say(String sentence) {
        outcome = sentence;
        outcomeIsProblem = false;
        show(sentence, false);
    }

    /** Tells the learner, marked as a problem, why something was refused or failed. */
    public void problem(String sentence) {
        outcome = sentence;
        outcomeIsProblem = true;
        show(sentence, true);
    }

    private void show(String text, boolean problem) {
        message.setText(text);
        message.pseudoClassStateChanged(PROBLEM, problem);
    }
}
