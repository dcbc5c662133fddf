package nl.learnerwallet.desktop.credentials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Messages;

/**
 * The credentials tab: the overview, or one credential's detail in its place. Loads the wallet's
 * credentials re-checked without the network (trust-list changes and expiry show at once, as
 * {@code wallet list} does); checking again online is the learner's choice, in the detail.
 */
public final class CredentialsPane extends StackPane {

    private final Jobs jobs;
    private final OverviewPane overview;
    private final DetailPane detail;
    private List<StoredCredential> credentials = new ArrayList<>();

    /** @param onShare opens the share wizard with these credentials chosen */
    public CredentialsPane(Jobs jobs, Runnable onImport, Consumer<List<String>> onShare) {
        this.jobs = jobs;
        this.overview = new OverviewPane(this::open, onImport, () -> onShare.accept(Collections.<String>emptyList()));
        this.detail = new DetailPane(this::showOverview, this::checkAgain,
                credential -> onShare.accept(Collections.singletonList(credential.id())), this::delete);
        setId("credentials");
        getChildren().setAll(overview);
    }

    /** Loads the credentials again (after an import, a restore or a sync) and shows them. */
    public void reload() {
        jobs.run(Messages.get("credentials.loading"),
                wallet -> wallet.refreshOffline(jobs.session().home().trustList()),
                loaded -> {
                    credentials = new ArrayList<>(loaded);
                    overview.show(credentials);
                    StoredCredential open = detail.shown();
                    if (open != null && getChildren().contains(detail)) {
                        StoredCredential fresh = find(open.id());
                        if (fresh == null) {
                            showOverview();
                        } else {
                            detail.show(fresh);
                        }
                    }
                });
    }

    /** The credentials as last loaded, oldest first. */
    public List<StoredCredential> credentials() {
        return Collections.unmodifiableList(credentials);
    }

    public void open(StoredCredential credential) {
        detail.show(credential);
        getChildren().setAll(detail);
        detail.focusFirst();
    }

    public void showOverview() {
        getChildren().setAll(overview);
    }

    public void focusSearch() {
        showOverview();
        overview.focusSearch();
    }

    private void checkAgain(StoredCredential credential) {
        jobs.run(Messages.get("detail.checking", Cards.title(credential.card())),
                wallet -> wallet.verify(credential.id(), jobs.session().home().trustList()),
                checked -> {
                    replace(checked);
                    if (detail.shown() != null && detail.shown().id().equals(checked.id())) {
                        detail.show(checked);
                    }
                    jobs.bar().say(Messages.get("detail.checked", Cards.title(checked.card()),
                            Cards.statusShort(checked.report().status())));
                });
    }

    private void delete(StoredCredential credential) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("delete.question", Cards.title(credential.card())),
                new ButtonType(Messages.get("delete.confirm"), ButtonBar.ButtonData.OK_DONE), ButtonType.CANCEL);
        confirm.setTitle(Messages.get("delete.title"));
        confirm.setHeaderText(null);
        confirm.initOwner(getScene() == null ? null : getScene().getWindow());
        confirm.showAndWait().filter(answer -> answer.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(answer ->
                jobs.run(Messages.get("delete.deleting"), wallet -> wallet.delete(credential.id()), deleted -> {
                    jobs.bar().say(Messages.get("delete.done", Cards.title(credential.card())));
                    showOverview();
                    reload();
                }));
    }

    private void replace(StoredCredential updated) {
        for (int i = 0; i < credentials.size(); i++) {
            if (credentials.get(i).id().equals(updated.id())) {
                credentials.set(i, updated);
            }
        }
        overview.show(credentials);
    }

    private StoredCredential find(String id) {
        for (StoredCredential credential : credentials) {
            if (credential.id().equals(id)) {
                return credential;
            }
        }
        return null;
    }
}
