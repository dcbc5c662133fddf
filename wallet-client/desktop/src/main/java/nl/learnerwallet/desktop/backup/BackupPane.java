package nl.learnerwallet.desktop.backup;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.ServerUrls;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.desktop.ScrollToFocus;
import nl.learnerwallet.desktop.WalletSession;
import nl.learnerwallet.desktop.unlock.PassphraseResetForm;

/**
 * The backup tab: which server keeps this wallet's backup (or a field to register one), the
 * backup version this device last saw, buttons to back up and to sync, what the last of them did,
 * and a new passphrase with the recovery code.
 */
public final class BackupPane extends BorderPane {

    /** Where this wallet backs up, as the wallet remembers it. */
    private record Standing(String server, long version) {
    }

    private final Jobs jobs;
    private final Runnable onMerged;
    private final VBox page = new VBox();
    private final TextField serverField = new TextField();
    private final Label standing = new Label();
    private final Label outcome = new Label();
    private final Button register = new Button(Messages.get("backup.register"));
    private final Button backup = new Button(Messages.get("backup.now"));
    private final Button sync = new Button(Messages.get("backup.sync"));
    private final HBox registerRow = new HBox();

    /** @param onMerged runs when a sync brought credentials from other devices, to show them */
    public BackupPane(Jobs jobs, Runnable onMerged) {
        this.jobs = jobs;
        this.onMerged = onMerged;
        setId("backup");
        serverField.setId("server-url");
        serverField.setPromptText("https://wallet.example.nl");
        HBox.setHgrow(serverField, Priority.ALWAYS);
        register.setId("register-button");
        register.setOnAction(event -> register());
        backup.setId("backup-button");
        backup.setOnAction(event -> run(false));
        sync.setId("sync-button");
        sync.setOnAction(event -> run(true));
        standing.setId("backup-standing");
        standing.setWrapText(true);
        outcome.setId("backup-outcome");
        outcome.setWrapText(true);
        Button resetPassphrase = new Button(Messages.get("backup.resetPassphrase"));
        resetPassphrase.setId("backup-reset-passphrase");
        resetPassphrase.setOnAction(event -> setCenter(scroll(PassphraseResetForm.page(jobs, this::showPage, this::showPage))));

        Label serverLabel = Labels.forField("backup.serverLabel", serverField);
        registerRow.getChildren().addAll(serverLabel, serverField, register);
        registerRow.setAlignment(Pos.CENTER_LEFT);
        registerRow.setId("register-row");
        registerRow.getStyleClass().add("toolbar");
        HBox actions = new HBox(backup, sync);
        actions.getStyleClass().add("toolbar");
        page.getChildren().addAll(Labels.heading("backup.heading"), Labels.intro(Messages.get("backup.intro")), standing,
                registerRow, actions, outcome, Labels.heading("backup.passphraseHeading"),
                Labels.intro(Messages.get("backup.passphraseIntro")), resetPassphrase);
        page.getStyleClass().addAll("form", "backup-page");
        showPage();
    }

    /** Reads where this wallet backs up, and shows it. */
    public void reload() {
        jobs.run(Messages.get("backup.loading"), wallet -> new Standing(wallet.setting(SyncService.SERVER_URL),
                wallet.lastSeenBackupVersion()), this::show);
    }

    private void showPage() {
        setCenter(scroll(page));
    }

    private void show(Standing current) {
        boolean registered = current.server() != null;
        standing.setText(!registered ? Messages.get("backup.notRegistered")
                : current.version() == 0 ? Messages.get("backup.registeredNoBackup", current.server())
                : Messages.get("backup.registered", current.server(), current.version()));
        registerRow.setVisible(!registered);
        registerRow.setManaged(!registered);
        backup.setDisable(!registered);
        sync.setDisable(!registered);
    }

    private void register() {
        String url;
        try {
            url = ServerUrls.normalise(serverField.getText());
        } catch (IllegalArgumentException e) {
            outcome.setText(new Refusal("server.badUrl", serverField.getText().trim()).getMessage());
            return;
        }
        jobs.run(Messages.get("backup.registering", url), wallet -> {
            WalletSession session = jobs.session();
            boolean created = new ServerClient(url, wallet.accountKey(), session.context().clock(), session.context().random())
                    .register();
            wallet.putSetting(SyncService.SERVER_URL, url);
            return created;
        }, created -> {
            outcome.setText(Messages.get(created ? "backup.registeredNow" : "backup.alreadyRegistered", url));
            reload();
        }, outcome::setText);
    }

    private void run(boolean merge) {
        jobs.run(Messages.get(merge ? "backup.syncing" : "backup.uploading"), wallet -> perform(wallet, merge), result -> {
            StringBuilder text = new StringBuilder();
            if (result.fromServer() > 0 || result.deletedOnServer() > 0 || result.conflicts() > 0) {
                text.append(Messages.get("backup.merged", result.fromServer(), result.deletedOnServer(), result.conflicts()))
                        .append('\n');
                onMerged.run();
            }
            text.append(Messages.get(result.uploaded() ? "backup.uploaded" : "backup.upToDate", result.version()));
            outcome.setText(text.toString());
            reload();
        }, outcome::setText);
    }

    private SyncService.Outcome perform(Wallet wallet, boolean merge) {
        WalletSession session = jobs.session();
        SyncService service = new SyncService(wallet, SyncService.clientFor(wallet, session.context()), session.context());
        SyncService.Outcome result = merge ? service.sync(session.home().trustList()) : service.backup(session.home().trustList());
        // A merge may bring trust-list entries from other devices.
        session.home().saveTrustList(result.trustList());
        return result;
    }

    private static ScrollPane scroll(VBox content) {
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        ScrollToFocus.install(scroller);
        return scroller;
    }
}
