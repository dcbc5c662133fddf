package nl.learnerwallet.desktop.identity;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.desktop.ScrollToFocus;

/**
 * The identities tab: the e-mail addresses and eduIDs the learner's badges are issued to, a field
 * to add one (as {@code wallet identity add} does: every credential's recipient is checked again,
 * without the network), and the holder DID that credentials bound to this wallet name.
 */
public final class IdentitiesPane extends BorderPane {

    /** What the tab shows. */
    private record Known(List<Identity> identities, String holder) {
    }

    private final Jobs jobs;
    private final Runnable onAdded;
    private final VBox list = new VBox();
    private final Label holder = new Label();
    private final TextField field = new TextField();
    private final Label outcome = new Label();

    /** @param onAdded runs after an identity was added, to show credentials whose recipient now matches */
    public IdentitiesPane(Jobs jobs, Runnable onAdded) {
        this.jobs = jobs;
        this.onAdded = onAdded;
        setId("identities");
        list.setId("identity-list");
        holder.setId("holder-did");
        holder.setWrapText(true);
        field.setId("identity-field");
        field.setPromptText(Messages.get("identities.prompt"));
        HBox.setHgrow(field, Priority.ALWAYS);
        Label label = Labels.forField("identities.label", field);
        Button add = new Button(Messages.get("identities.add"));
        add.setId("identity-add");
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> add());
        field.setOnAction(event -> add());
        outcome.setId("identity-outcome");
        outcome.setWrapText(true);
        HBox row = new HBox(label, field, add);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("toolbar");
        VBox page = new VBox(Labels.heading("identities.heading"), Labels.intro(Messages.get("identities.intro")), list, row,
                outcome, Labels.heading("identities.holderHeading"), Labels.intro(Messages.get("identities.holderIntro")), holder);
        page.getStyleClass().addAll("form", "backup-page");
        ScrollPane scroller = new ScrollPane(page);
        scroller.setFitToWidth(true);
        ScrollToFocus.install(scroller);
        setCenter(scroller);
    }

    public void reload() {
        jobs.run(Messages.get("identities.loading"), wallet -> new Known(wallet.identities(), wallet.holderDid()), known -> {
            list.getChildren().clear();
            if (known.identities().isEmpty()) {
                list.getChildren().add(new Label(Messages.get("identities.none")));
            }
            for (Identity identity : known.identities()) {
                Label line = new Label("\u2022 " + identity.display());
                line.getStyleClass().add("identity");
                list.getChildren().add(line);
            }
            holder.setText(known.holder());
        });
    }

    private void add() {
        Identity identity;
        try {
            identity = Identity.parse(field.getText());
        } catch (IllegalArgumentException e) {
            outcome.setText(new Refusal("identities.bad", field.getText().trim()).getMessage());
            return;
        }
        jobs.run(Messages.get("identities.adding"),
                wallet -> wallet.addIdentity(identity, jobs.session().home().trustList()), added -> {
                    outcome.setText(Messages.get(added ? "identities.added" : "identities.present", identity.display()));
                    field.clear();
                    reload();
                    if (added) {
                        onAdded.run();
                    }
                }, outcome::setText);
    }
}
