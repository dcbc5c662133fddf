package nl.learnerwallet.desktop.credentials;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.ScrollToFocus;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * Every credential, grouped by kind, each group newest first; above them the search field and the
 * kind and status filters, and the buttons to import and to share. Says so when the wallet is
 * empty (and how to fill it) or nothing matches.
 */
public final class OverviewPane extends BorderPane {

    private final Consumer<StoredCredential> onOpen;
    private final TextField search = new TextField();
    private final ComboBox<Choice<CredentialKind>> kindFilter = new ComboBox<>();
    private final ComboBox<Choice<VerificationStatus>> statusFilter = new ComboBox<>();
    private final VBox groups = new VBox();
    private List<StoredCredential> credentials = new ArrayList<>();

    public OverviewPane(Consumer<StoredCredential> onOpen, Runnable onImport, Runnable onShare) {
        this.onOpen = onOpen;
        getStyleClass().add("overview");

        search.setId("search");
        search.setPromptText(Messages.get("overview.searchPrompt"));
        search.setAccessibleText(Messages.get("overview.search"));
        HBox.setHgrow(search, Priority.ALWAYS);
        Label searchLabel = Labels.forField("overview.searchLabel", search);

        kindFilter.setId("kind-filter");
        kindFilter.getItems().add(new Choice<>(null, Messages.get("overview.allKinds")));
        for (CredentialKind kind : Cards.KIND_ORDER) {
            kindFilter.getItems().add(new Choice<>(kind, Cards.kindPlural(kind)));
        }
        kindFilter.getSelectionModel().selectFirst();
        kindFilter.setAccessibleText(Messages.get("overview.kindFilter"));

        statusFilter.setId("status-filter");
        statusFilter.getItems().add(new Choice<>(null, Messages.get("overview.allStatuses")));
        for (VerificationStatus status : VerificationStatus.values()) {
            statusFilter.getItems().add(new Choice<>(status, Cards.statusShort(status)));
        }
        statusFilter.getSelectionModel().selectFirst();
        statusFilter.setAccessibleText(Messages.get("overview.statusFilter"));

        Button importButton = new Button(Messages.get("overview.import"));
        importButton.setId("import-button");
        importButton.setOnAction(event -> onImport.run());
        Button shareButton = new Button(Messages.get("overview.share"));
        shareButton.setId("share-button");
        shareButton.setOnAction(event -> onShare.run());

        HBox toolbar = new HBox(searchLabel, search, kindFilter, statusFilter, importButton, shareButton);
        toolbar.getStyleClass().add("toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        setTop(toolbar);

        groups.getStyleClass().add("groups");
        ScrollPane scroller = new ScrollPane(groups);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("groups-scroller");
        ScrollToFocus.install(scroller);
        setCenter(scroller);

        search.textProperty().addListener((property, before, after) -> render());
        kindFilter.valueProperty().addListener((property, before, after) -> render());
        statusFilter.valueProperty().addListener((property, before, after) -> render());
        render();
    }

    /** Shows these credentials under the current search and filters. */
    public void show(List<StoredCredential> all) {
        credentials = new ArrayList<>(all);
        render();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    CredentialFilter filter() {
        Choice<CredentialKind> kind = kindFilter.getValue();
        Choice<VerificationStatus> status = statusFilter.getValue();
        return new CredentialFilter(search.getText(), kind == null ? null : kind.value(), status == null ? null : status.value());
    }

    private void render() {
        groups.getChildren().clear();
        if (credentials.isEmpty()) {
            groups.getChildren().add(placeholder("overview-empty", Messages.get("overview.empty")));
            return;
        }
        CredentialFilter filter = filter();
        for (CredentialKind kind : Cards.KIND_ORDER) {
            List<StoredCredential> matching = new ArrayList<>();
            for (StoredCredential credential : credentials) {
                if (credential.card().kind() == kind && filter.matches(credential)) {
                    matching.add(credential);
                }
            }
            if (!matching.isEmpty()) {
                groups.getChildren().add(group(kind, matching));
            }
        }
        if (groups.getChildren().isEmpty()) {
            groups.getChildren().add(placeholder("overview-nothing", Messages.get("overview.nothingMatches")));
        }
    }

    private VBox group(CredentialKind kind, List<StoredCredential> members) {
        members.sort(Comparator.comparing((StoredCredential each) -> each.card().issuedOn(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(each -> Cards.title(each.card())));
        Label heading = new Label(Messages.get("overview.group", Cards.kindPlural(kind), members.size()));
        heading.getStyleClass().add("group-heading");
        heading.setAccessibleRole(AccessibleRole.TEXT);
        FlowPane tiles = new FlowPane();
        tiles.setRowValignment(VPos.TOP);
        tiles.getStyleClass().add("tiles");
        for (StoredCredential credential : members) {
            tiles.getChildren().add(new CredentialTile(credential, () -> onOpen.accept(credential)));
        }
        VBox group = new VBox(heading, tiles);
        group.setId("group-" + Cards.kindStyle(kind));
        group.getStyleClass().addAll("group", Cards.kindStyle(kind));
        return group;
    }

    private static Region placeholder(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("placeholder");
        return label;
    }
}
