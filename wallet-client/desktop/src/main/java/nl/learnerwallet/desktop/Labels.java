package nl.learnerwallet.desktop;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The app's kinds of label, styled alike on every screen. */
public final class Labels {

    private Labels() {
    }

    /** A section's heading, the bundle's text for the key. */
    public static Label heading(String key) {
        Label heading = new Label(Messages.get(key));
        heading.getStyleClass().add("section-heading");
        return heading;
    }

    /** A quieter explaining text that wraps. */
    public static Label intro(String text) {
        Label intro = new Label(text);
        intro.setWrapText(true);
        intro.getStyleClass().add("intro");
        return intro;
    }

    /**
     * A field's label, the bundle's text for the key: its mnemonic (Alt + the underlined letter)
     * puts the keyboard in the field, and it is never cut short (the field gives way).
     */
    public static Label forField(String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
