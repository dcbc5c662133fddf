package nl.learnerwallet.desktop.unlock;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.sync.ServerUrls;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Problems;
import nl.learnerwallet.desktop.Refusal;

/**
 * A folder without a wallet: make a new one — then its recovery code, shown this once — or
 * restore one from the wallet server's backup with the recovery code, as {@code wallet init} and
 * {@code wallet restore} do.
 */
public final class WelcomePane extends StackPane {

    private final Jobs jobs;
    private final Runnable onOpened;

    public WelcomePane(Jobs jobs, Runnable onOpened) {
        this.jobs = jobs;
        this.onOpened = onOpened;
        setId("welcome");
        HBox choices = new HBox(createForm(), restoreForm());
        choices.getStyleClass().add("welcome-choices");
        getChildren().setAll(Forms.page(Messages.get("welcome.title"),
                Messages.get("welcome.intro", jobs.session().home().directory()), choices));
    }

    private VBox createForm() {
        NewPassphrase passphrase = new NewPassphrase("create");
        GridPane grid = Forms.grid();
        passphrase.addTo(grid, 0);
        Label problem = Forms.problemLine("create-problem");
        Button create = new Button(Messages.get("create.button"));
        create.setId("create-button");
        create.setOnAction(event -> {
            char[] chosen;
            try {
                chosen = passphrase.value();
            } catch (Refusal refusal) {
                problem.setText(Problems.sentence(refusal));
                return;
            }
            AtomicReference<RecoveryCode> code = new AtomicReference<>();
            create.setDisable(true);
            jobs.open(Messages.get("create.working"), home -> Stores.open(home, true, store -> {
                Wallet.Created created = Wallet.create(store, chosen, jobs.session().context());
                code.set(created.recoveryCode());
                return created.wallet();
            }), () -> showRecoveryCode(code.get()), sentence -> {
                create.setDisable(false);
                problem.setText(sentence);
            });
        });
        VBox form = new VBox(section("create.title", "create.intro"), grid, create, problem);
        form.getStyleClass().addAll("form", "welcome-choice");
        return form;
    }

    private VBox restoreForm() {
        TextField server = new TextField();
        server.setId("restore-server");
        server.setPromptText("https://wallet.example.nl");
        TextField code = new TextField();
        code.setId("restore-recovery-code");
        code.setPrefColumnCount(34);
        NewPassphrase passphrase = new NewPassphrase("restore");
        GridPane grid = Forms.grid();
        grid.addRow(0, Labels.forField("restore.server", server), server);
        grid.addRow(1, Labels.forField("recovery.code", code), code);
        passphrase.addTo(grid, 2);
        Label problem = Forms.problemLine("restore-problem");
        Button restore = new Button(Messages.get("restore.button"));
        restore.setId("restore-button");
        restore.setOnAction(event -> {
            String url;
            RecoveryCode recoveryCode;
            char[] chosen;
            try {
                url = serverUrl(server.getText());
                recoveryCode = RecoveryCode.parse(code.getText());
                chosen = passphrase.value();
            } catch (RuntimeException refusal) {
                problem.setText(Problems.sentence(refusal));
                return;
            }
            restore.setDisable(true);
            jobs.open(Messages.get("restore.working", url), home -> {
                SyncService.Restored restored;
                RecordStore store = home.openStore(true);
                try {
                    restored = SyncService.restore(store, url, recoveryCode, chosen, jobs.session().context());
                } catch (ServerException e) {
                    store.close();
                    home.removeEmptyDatabase();
                    if (e.problem() == ServerException.Problem.UNKNOWN_ACCOUNT
                            || e.problem() == ServerException.Problem.NOT_AUTHENTIC) {
                        throw new Refusal("restore.wrongCode", url);
                    }
                    throw e;
                } catch (RuntimeException e) {
                    store.close();
                    home.removeEmptyDatabase();
                    throw e;
                }
                home.saveTrustList(restored.trustList());
                return restored.wallet();
            }, () -> {
                jobs.bar().say(Messages.get("restore.done", url));
                onOpened.run();
            }, sentence -> {
                restore.setDisable(false);
                problem.setText(sentence);
            });
        });
        VBox form = new VBox(section("restore.title", "restore.intro"), grid, restore, problem);
        form.getStyleClass().addAll("form", "welcome-choice");
        return form;
    }

    private void showRecoveryCode(RecoveryCode code) {
        Label shown = new Label(code.display());
        shown.setId("recovery-code");
        shown.getStyleClass().add("recovery-code");
        CheckBox writtenDown = new CheckBox(Messages.get("recovery.writtenDown"));
        writtenDown.setId("recovery-written-down");
        Button next = new Button(Messages.get("recovery.continue"));
        next.setId("recovery-continue");
        next.setDefaultButton(true);
        next.disableProperty().bind(writtenDown.selectedProperty().not());
        next.setOnAction(event -> onOpened.run());
        getChildren().setAll(Forms.page(Messages.get("recovery.title"), Messages.get("recovery.intro"),
                shown, new Label(Messages.get("recovery.advice")), writtenDown, next));
    }

    /** @throws Refusal when it is not an http(s) address */
    static String serverUrl(String typed) {
        try {
            return ServerUrls.normalise(typed);
        } catch (IllegalArgumentException e) {
            throw new Refusal("server.badUrl", typed.trim());
        }
    }

    private static VBox section(String titleKey, String introKey) {
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("section-heading");
        Label intro = new Label(Messages.get(introKey));
        intro.setWrapText(true);
        return new VBox(title, intro);
    }
}
