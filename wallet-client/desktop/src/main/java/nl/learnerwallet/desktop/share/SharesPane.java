package nl.learnerwallet.desktop.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.share.ExemptionDecisions;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Problems;
import nl.learnerwallet.desktop.ScrollToFocus;
import nl.learnerwallet.desktop.WalletSession;
import nl.learnerwallet.desktop.credentials.Cards;
import nl.learnerwallet.model.exemption.ExemptionDecision;

/**
 * The learner's shares: each with its real state on the server (active, expired, revoked, used
 * up) and how often it was opened; for the one selected its QR code and link again, when it was
 * opened and by what kind of browser, a button that revokes it, and for an exemption dossier the
 * exam committee's decisions, which the learner may keep in the wallet.
 */
public final class SharesPane extends BorderPane {

    /** A share as listed: what the wallet remembers, and its state on the server (null when the server could not say). */
    record Row(ShareLinks.ShareLink link, ServerClient.ShareState state) {
    }

    /** The list as loaded, and why the states are unknown when the server could not say (else null). */
    private record Listing(List<Row> rows, String problem) {
    }

    /** What the server says about one share. */
    private record Details(List<ServerClient.ShareViewEntry> log, List<ExemptionDecisions.Checked> decisions,
            String decisionsProblem) {
    }

    private final Jobs jobs;
    private final Runnable onKept;
    private final TableView<Row> table = new TableView<>();
    private final VBox detail = new VBox();
    private final Label listProblem = new Label();

    /** @param onKept runs when decisions were kept in the wallet, to show them among the credentials */
    public SharesPane(Jobs jobs, Runnable onKept) {
        this.jobs = jobs;
        this.onKept = onKept;
        setId("shares");
        getStyleClass().add("shares");
        table.setId("shares-table");
        table.setPlaceholder(new Label(Messages.get("shares.none")));
        table.getColumns().add(column("shares.column.credentials", row -> String.join(", ", row.link().titles())));
        table.getColumns().add(column("shares.column.label", row -> row.link().label() == null ? "" : row.link().label()));
        table.getColumns().add(column("shares.column.state", SharesPane::state));
        table.getColumns().add(column("shares.column.views", row -> row.state() == null ? "" : views(row)));
        table.getColumns().add(column("shares.column.until", row -> Cards.dateTime(row.link().expiresAt())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> showDetail(after));

        Button refresh = new Button(Messages.get("shares.refresh"));
        refresh.setId("shares-refresh");
        refresh.setOnAction(event -> reload());
        listProblem.setId("shares-problem");
        listProblem.getStyleClass().add("form-problem");
        listProblem.setWrapText(true);
        HBox toolbar = new HBox(refresh, listProblem);
        toolbar.getStyleClass().add("toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        setTop(toolbar);

        detail.setId("share-detail");
        detail.getStyleClass().add("share-detail");
        detail.getChildren().add(new Label(Messages.get("shares.choose")));
        ScrollPane detailScroller = new ScrollPane(detail);
        detailScroller.setFitToWidth(true);
        ScrollToFocus.install(detailScroller);
        SplitPane split = new SplitPane(table, detailScroller);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    /** Lists the shares again, asking the server for their states (the list stays usable without it). */
    public void reload() {
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().link().id();
        jobs.run(Messages.get("shares.loading"), wallet -> {
            WalletSession session = jobs.session();
            List<ShareLinks.ShareLink> links = new ShareLinks(wallet, null, session.context()).list();
            List<ServerClient.ShareState> states = new ArrayList<>();
            String problem = null;
            if (!links.isEmpty()) {
                try {
                    states = SyncService.clientFor(wallet, session.context()).shares();
                } catch (RuntimeException e) {
                    problem = Messages.get("shares.statesUnknown", Problems.sentence(e));
                }
            }
            List<Row> rows = new ArrayList<>();
            for (ShareLinks.ShareLink link : links) {
                rows.add(new Row(link, problem == null ? stateOf(states, link.id()) : null));
            }
            // Newest first: the one just made is where the learner looks.
            Collections.reverse(rows);
            return new Listing(rows, problem);
        }, listing -> {
            listProblem.setText(listing.problem() == null ? "" : listing.problem());
            table.setItems(FXCollections.observableArrayList(listing.rows()));
            for (Row row : listing.rows()) {
                if (row.link().id().equals(selected)) {
                    table.getSelectionModel().select(row);
                }
            }
        });
    }

    private void showDetail(Row row) {
        detail.getChildren().clear();
        if (row == null) {
            detail.getChildren().add(new Label(Messages.get("shares.choose")));
            return;
        }
        ShareLinks.ShareLink link = row.link();
        Label heading = new Label(Messages.get("shares.heading", String.join(", ", link.titles()),
                Messages.get("purpose." + link.purpose())));
        heading.getStyleClass().add("section-heading");
        heading.setWrapText(true);
        Label state = new Label(Messages.get("shares.stateLine", state(row), row.state() == null ? "?" : views(row),
                Cards.dateTime(link.expiresAt())));
        state.setId("share-state");
        state.setWrapText(true);
        QrCodeView qr = new QrCodeView();
        qr.setId("shares-qr");
        qr.show(QrCodes.encode(link.url()), Messages.get("result.linkAccessible", link.url()));
        LinkField url = new LinkField("shares");
        url.show(link.url());
        Button revoke = new Button(Messages.get("shares.revoke"));
        revoke.setId("revoke-button");
        revoke.getStyleClass().add("danger");
        revoke.setDisable(row.state() != null && !"ACTIVE".equals(row.state().state()));
        revoke.setOnAction(event -> revoke(link));
        VBox log = new VBox(new Label(Messages.get("shares.loadingLog")));
        log.setId("share-log");
        Label logHeading = new Label(Messages.get("shares.log"));
        logHeading.getStyleClass().add("section-heading");
        detail.getChildren().addAll(heading, state, qr, url, revoke, logHeading, log);
        VBox decisions = new VBox();
        decisions.setId("share-decisions");
        if ("exemption".equals(link.purpose())) {
            Label decisionsHeading = new Label(Messages.get("decisions.heading"));
            decisionsHeading.getStyleClass().add("section-heading");
            detail.getChildren().addAll(decisionsHeading, decisions);
        }
        jobs.run(Messages.get("shares.loadingLog"), wallet -> details(wallet, link), loaded -> {
            log.getChildren().setAll(logLines(loaded.log()));
            if ("exemption".equals(link.purpose())) {
                decisions.getChildren().setAll(decisionLines(link, loaded));
            }
        }, problem -> log.getChildren().setAll(new Label(problem)));
    }

    private Details details(Wallet wallet, ShareLinks.ShareLink link) {
        WalletSession session = jobs.session();
        ServerClient server = SyncService.clientFor(wallet, session.context());
        List<ServerClient.ShareViewEntry> log = server.shareLog(link.id());
        List<ExemptionDecisions.Checked> decisions = new ArrayList<>();
        String problem = null;
        if ("exemption".equals(link.purpose())) {
            try {
                for (ShareLinks.ReceivedDecision received : new ShareLinks(wallet, server, session.context()).decisions(link)) {
                    decisions.add(ExemptionDecisions.check(wallet, received, session.home().trustList()));
                }
            } catch (RuntimeException e) {
                problem = Messages.get("decisions.unavailable", Problems.sentence(e));
            }
        }
        return new Details(log, decisions, problem);
    }

    private static List<javafx.scene.Node> logLines(List<ServerClient.ShareViewEntry> entries) {
        List<javafx.scene.Node> lines = new ArrayList<>();
        if (entries.isEmpty()) {
            lines.add(new Label(Messages.get("shares.notOpened")));
        }
        for (ServerClient.ShareViewEntry entry : entries) {
            Label line = new Label(Messages.get("shares.logLine", Cards.dateTime(Instant.ofEpochSecond(entry.at())),
                    Messages.getOr("shares.kind." + entry.kind(), entry.kind()), entry.browser()));
            line.getStyleClass().add("log-line");
            lines.add(line);
        }
        return lines;
    }

    private List<javafx.scene.Node> decisionLines(ShareLinks.ShareLink link, Details loaded) {
        List<javafx.scene.Node> lines = new ArrayList<>();
        if (loaded.decisionsProblem() != null) {
            lines.add(new Label(loaded.decisionsProblem()));
            return lines;
        }
        if (loaded.decisions().isEmpty()) {
            lines.add(new Label(Messages.get("decisions.none")));
            return lines;
        }
        boolean anyImportable = false;
        for (ExemptionDecisions.Checked checked : loaded.decisions()) {
            Label line = new Label(decisionText(checked));
            line.setWrapText(true);
            line.getStyleClass().add("decision");
            lines.add(line);
            anyImportable |= checked.importable();
        }
        if (anyImportable) {
            Button keep = new Button(Messages.get("decisions.keep"));
            keep.setId("keep-decisions");
            keep.setOnAction(event -> jobs.run(Messages.get("decisions.keeping"), wallet -> {
                int kept = 0;
                for (ExemptionDecisions.Checked checked : loaded.decisions()) {
                    if (ExemptionDecisions.keep(wallet, checked, jobs.session().home().trustList()) != null) {
                        kept++;
                    }
                }
                return kept;
            }, kept -> {
                jobs.bar().say(Messages.get("decisions.kept", kept));
                onKept.run();
            }));
            lines.add(keep);
        }
        return lines;
    }

    private static String decisionText(ExemptionDecisions.Checked checked) {
        ExemptionDecision decision = checked.decision();
        if (decision == null) {
            return Messages.get("decisions.unreadable", checked.number(), Cards.statusShort(checked.status()));
        }
        StringBuilder text = new StringBuilder(Messages.get("decisions.line", checked.number(),
                Messages.get("decision." + decision.decision().id()), decision.date(), Cards.statusShort(checked.status())));
        for (String outcome : decision.grantedOutcomes()) {
            text.append("\n  \u2022 ").append(outcome);
        }
        text.append('\n').append(Messages.get("decisions.grounds", decision.grounds()));
        text.append('\n').append(Messages.get("decisions.body", decision.decidingBody()));
        text.append('\n').append(Messages.get("decisions.appeal", decision.appeal()));
        return text.toString();
    }

    private void revoke(ShareLinks.ShareLink link) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("revoke.question", String.join(", ", link.titles())),
                new ButtonType(Messages.get("revoke.confirm"), ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        confirm.setTitle(Messages.get("revoke.title"));
        confirm.setHeaderText(null);
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.showAndWait().filter(answer -> answer.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(answer ->
                jobs.run(Messages.get("revoke.revoking"),
                        wallet -> SyncService.clientFor(wallet, jobs.session().context()).revokeShare(link.id()),
                        revoked -> {
                            jobs.bar().say(Messages.get("revoke.done", String.join(", ", link.titles())));
                            reload();
                        }));
    }

    private static String state(Row row) {
        return row.state() == null ? Messages.get("shares.state.UNKNOWN")
                : Messages.getOr("shares.state." + row.state().state(), row.state().state());
    }

    private static String views(Row row) {
        return row.link().maxViews() == null ? String.valueOf(row.state().views())
                : Messages.get("shares.viewsOf", row.state().views(), row.link().maxViews());
    }

    private static ServerClient.ShareState stateOf(List<ServerClient.ShareState> states, String id) {
        for (ServerClient.ShareState state : states) {
            if (state.id().equals(id)) {
                return state;
            }
        }
        return new ServerClient.ShareState(id, "GONE", null, 0, 0, null, 0, null);
    }

    private static TableColumn<Row, String> column(String key, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

}
