package nl.learnerwallet.desktop.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.ScrollToFocus;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * One credential in full: its card (what it certifies, who awarded it, level, study load,
 * assessment, quality assurance, learning outcomes...), the EU standard elements — for a
 * microcredential each mandatory one present or missing — and every named check with its outcome
 * and reason. Escape goes back to the overview.
 */
public final class DetailPane extends BorderPane {

    private final Button checkButton = new Button(Messages.get("detail.check"));
    private final Button shareButton = new Button(Messages.get("detail.share"));
    private final Button deleteButton = new Button(Messages.get("detail.delete"));
    private final Button backButton = new Button(Messages.get("detail.back"));
    private final VBox body = new VBox();
    private StoredCredential shown;

    public DetailPane(Runnable onBack, Consumer<StoredCredential> onCheck, Consumer<StoredCredential> onShare,
            Consumer<StoredCredential> onDelete) {
        getStyleClass().add("detail");
        backButton.setId("back-button");
        backButton.setCancelButton(true);
        backButton.setOnAction(event -> onBack.run());
        checkButton.setId("check-button");
        checkButton.setOnAction(event -> onCheck.accept(shown));
        shareButton.setId("detail-share-button");
        shareButton.setOnAction(event -> onShare.accept(shown));
        deleteButton.setId("delete-button");
        deleteButton.getStyleClass().add("danger");
        deleteButton.setOnAction(event -> onDelete.accept(shown));
        HBox actions = new HBox(backButton, checkButton, shareButton, deleteButton);
        actions.getStyleClass().add("toolbar");
        actions.setAlignment(Pos.CENTER_LEFT);
        setTop(actions);

        body.getStyleClass().add("detail-body");
        ScrollPane scroller = new ScrollPane(body);
        scroller.setFitToWidth(true);
        ScrollToFocus.install(scroller);
        setCenter(scroller);
    }

    public StoredCredential shown() {
        return shown;
    }

    public void show(StoredCredential credential) {
        this.shown = credential;
        CredentialCard card = credential.card();
        getStyleClass().removeIf(style -> style.startsWith("kind-"));
        getStyleClass().add(Cards.kindStyle(card.kind()));
        body.getChildren().setAll(heading(credential), about(card), euElements(card), checks(credential.report()), footer(credential));
    }

    /** Puts the keyboard on the first action, so that Tab walks the page from the top. */
    public void focusFirst() {
        backButton.requestFocus();
    }

    private Node heading(StoredCredential credential) {
        CredentialCard card = credential.card();
        Label kind = new Label(Cards.kind(card.kind()) + (card.selfDeclared() ? " \u00b7 " + Messages.get("card.selfDeclared") : ""));
        kind.getStyleClass().add("detail-kind");
        Label title = new Label(Cards.title(card));
        title.setId("detail-title");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.setAccessibleRole(AccessibleRole.TEXT);
        Label verdict = new Label(Cards.statusLong(credential.report().status()));
        verdict.setId("detail-verdict");
        verdict.setWrapText(true);
        HBox status = new HBox(Cards.statusChip(credential.report().status()), verdict);
        status.getStyleClass().add("detail-status");
        status.setAlignment(Pos.CENTER_LEFT);
        return new VBox(kind, title, status);
    }

    private Node about(CredentialCard card) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("facts");
        List<String[]> rows = new ArrayList<>();
        boolean work = card.kind() == CredentialKind.WORK_EXPERIENCE;
        if (card.selfDeclared()) {
            row(rows, work ? "card.employer" : "card.institution",
                    card.awardingBody() == null ? null : card.awardingBody() + " (" + Messages.get("card.asDeclared") + ")");
        } else {
            row(rows, "card.issuer", card.awardingBody());
            row(rows, "card.issuerId", card.issuerId());
        }
        row(rows, "card.country", card.issuerCountry());
        row(rows, "card.learner", card.learner());
        row(rows, "card.period", card.workPeriod() == null ? null : Cards.period(card.workPeriod()));
        row(rows, card.selfDeclared() ? "card.awarded" : "card.issued", Cards.date(card.issuedOn()));
        row(rows, "card.expires", Cards.date(card.expiresOn()));
        row(rows, "card.programmeCode", card.programmeCode());
        row(rows, "card.level", card.level().isEmpty() ? null : card.level().toString());
        row(rows, "card.studyLoad", card.studyLoad() == null ? null : card.studyLoad().toString());
        row(rows, "card.assessment", card.assessmentType());
        row(rows, "card.participation", card.participationForm());
        row(rows, "card.qualityAssurance", card.qualityAssurance());
        row(rows, "card.prerequisites", card.prerequisites());
        row(rows, "card.supervision", card.supervisionAndIdentityVerification());
        row(rows, "card.grade", card.grade());
        row(rows, "card.stackability", card.integrationStackability());
        row(rows, "card.furtherInformation", card.furtherInformation());
        row(rows, "card.language", card.language());
        row(rows, "card.fieldOfStudy", card.fieldOfStudy());
        row(rows, "card.description", card.description());
        row(rows, "card.criteria", card.criteria());
        row(rows, "card.disclosable", card.disclosableClaims().isEmpty() ? null : String.join(", ", card.disclosableClaims()));
        if (!card.learningOutcomes().isEmpty()) {
            StringBuilder outcomes = new StringBuilder();
            for (String outcome : card.learningOutcomes()) {
                outcomes.append(outcomes.length() == 0 ? "" : "\n").append("\u2022 ").append(outcome);
            }
            row(rows, work ? "card.skills" : "card.learningOutcomes", outcomes.toString());
        }
        if (!card.evidence().isEmpty()) {
            row(rows, "card.evidence", String.join("\n", card.evidence()));
        }
        for (int i = 0; i < rows.size(); i++) {
            Label name = new Label(Messages.get(rows.get(i)[0]));
            name.getStyleClass().add("fact-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(rows.get(i)[1]);
            value.getStyleClass().add("fact-value");
            value.setWrapText(true);
            grid.addRow(i, name, value);
        }
        return section("detail.about", grid);
    }

    private Node euElements(CredentialCard card) {
        VBox list = new VBox();
        list.setId("eu-elements");
        list.getStyleClass().add("eu-elements");
        Set<EuStandardElement> present = Completeness.present(card);
        if (card.kind() == CredentialKind.MICROCREDENTIAL) {
            List<EuStandardElement> missing = Completeness.missingMandatory(card);
            Label summary = new Label(missing.isEmpty() ? Messages.get("eu.complete")
                    : Messages.get("eu.missingCount", missing.size()));
            summary.setId("eu-summary");
            summary.setWrapText(true);
            list.getChildren().add(summary);
            for (EuStandardElement element : EuStandardElement.values()) {
                if (element.mandatory() || present.contains(element)) {
                    list.getChildren().add(element(element, present.contains(element)));
                }
            }
        } else {
            Label note = new Label(Messages.get("eu.onlyMicrocredentials"));
            note.setWrapText(true);
            list.getChildren().add(note);
            for (EuStandardElement element : EuStandardElement.values()) {
                if (present.contains(element)) {
                    list.getChildren().add(element(element, true));
                }
            }
        }
        return section("detail.eu", list);
    }

    private static Label element(EuStandardElement element, boolean present) {
        String name = Messages.get("eu." + element.id()) + (element.mandatory() ? "" : " (" + Messages.get("eu.optional") + ")");
        Label line = new Label((present ? "\u2714 " : "\u2716 ") + (present ? name : Messages.get("eu.missing", name)));
        line.setId("eu-" + element.id());
        line.getStyleClass().add(present ? "eu-present" : "eu-missing");
        line.setWrapText(true);
        return line;
    }

    private Node checks(VerificationReport report) {
        GridPane grid = new GridPane();
        grid.setId("checks");
        grid.getStyleClass().add("checks");
        int row = 0;
        for (CheckResult check : report.checks()) {
            Label name = new Label(Messages.get("check." + check.check().id()));
            name.getStyleClass().add("fact-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label outcome = new Label(Messages.get("outcome." + check.outcome().id()));
            outcome.setId("check-" + check.check().id());
            outcome.getStyleClass().addAll("check-outcome", "outcome-" + check.outcome().id());
            Label reason = new Label(Messages.getOr("reason." + check.reason().name(), check.reason().name()));
            reason.setWrapText(true);
            grid.addRow(row++, name, outcome, reason);
        }
        if (row == 0) {
            grid.addRow(0, new Label(Messages.get("checks.none")));
        }
        Label checkedAt = new Label(Messages.get("checks.checkedAt", Cards.dateTime(report.checkedAt())));
        checkedAt.getStyleClass().add("quiet");
        return section("detail.checks", new VBox(grid, checkedAt));
    }

    private static Node footer(StoredCredential credential) {
        Label footer = new Label(Messages.get("detail.footer", credential.format().id(), credential.id(),
                Cards.date(credential.importedAt())));
        footer.getStyleClass().add("quiet");
        footer.setWrapText(true);
        return footer;
    }

    private static VBox section(String headingKey, Node content) {
        Label heading = new Label(Messages.get(headingKey));
        heading.getStyleClass().add("section-heading");
        VBox section = new VBox(heading, content);
        section.getStyleClass().add("section");
        return section;
    }

    private static void row(List<String[]> rows, String key, String value) {
        if (value != null && !value.trim().isEmpty()) {
            rows.add(new String[] {key, value});
        }
    }
}
