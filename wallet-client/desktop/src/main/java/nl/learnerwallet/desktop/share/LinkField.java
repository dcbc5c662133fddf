package nl.learnerwallet.desktop.share;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.learnerwallet.desktop.Messages;

/**
 * A share's link as text to select, with a button that puts it on the clipboard and a line that
 * says it did. Ids: {@code PREFIX-link}, {@code PREFIX-copy}, {@code PREFIX-copied}.
 */
final class LinkField extends VBox {

    private final TextField link = new TextField();
    private final Label copied = new Label();

    LinkField(String idPrefix) {
        link.setId(idPrefix + "-link");
        link.setEditable(false);
        link.setPrefColumnCount(36);
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(Messages.get("result.copy"));
        copy.setId(idPrefix + "-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            // As text and as a link: a chat app or a browser takes whichever it understands.
            content.putString(link.getText());
            content.putUrl(link.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(Messages.get("result.copied"));
        });
        copied.setId(idPrefix + "-copied");
        Label label = new Label(Messages.get("result.link"));
        label.setLabelFor(link);
        getChildren().addAll(label, new HBox(link, copy), copied);
    }

    void show(String url) {
        link.setText(url);
        copied.setText("");
    }
}
