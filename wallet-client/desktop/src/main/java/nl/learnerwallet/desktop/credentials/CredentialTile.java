package nl.learnerwallet.desktop.credentials;

import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.model.card.CredentialCard;

/**
 * One credential in the overview: what kind it is, its title, who issued it, its level and study
 * load, and whether it is genuine. It acts as a button — Tab reaches it, Enter or Space opens it,
 * screen readers announce it as one — but lays out as a box, so that long titles wrap within it.
 */
final class CredentialTile extends VBox {

    private final StoredCredential credential;
    private final Runnable onOpen;

    CredentialTile(StoredCredential credential, Runnable onOpen) {
        this.credential = credential;
        this.onOpen = onOpen;
        CredentialCard card = credential.card();
        setId("tile-" + credential.id());
        getStyleClass().addAll("tile", Cards.kindStyle(card.kind()));
        setFocusTraversable(true);

        Label kind = new Label(Cards.kind(card.kind()) + (card.selfDeclared() ? " \u00b7 " + Messages.get("card.selfDeclared") : ""));
        kind.getStyleClass().add("tile-kind");
        Label title = new Label(Cards.title(card));
        title.getStyleClass().add("tile-title");
        title.setWrapText(true);
        Label issuer = new Label(Cards.issuer(card));
        issuer.getStyleClass().add("tile-issuer");
        issuer.setWrapText(true);
        getChildren().addAll(kind, title, issuer);
        String facts = Cards.facts(card);
        if (!facts.isEmpty()) {
            Label factsLine = new Label(facts);
            factsLine.getStyleClass().add("tile-facts");
            factsLine.setWrapText(true);
            getChildren().add(factsLine);
        }
        getChildren().add(Cards.statusChip(credential.report().status()));

        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                open();
            }
        });
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) {
                open();
                event.consume();
            }
        });
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleText(Messages.get("tile.accessible", Cards.title(card), Cards.kind(card.kind()),
                Cards.statusShort(credential.report().status()), Cards.issuer(card)));
    }

    StoredCredential credential() {
        return credential;
    }

    /** Opens the credential's detail, as a click, Enter or Space does. */
    void open() {
        onOpen.run();
    }

    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        if (action == AccessibleAction.FIRE) {
            open();
        } else {
            super.executeAccessibleAction(action, parameters);
        }
    }
}
