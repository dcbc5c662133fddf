package nl.learnerwallet.desktop;

import java.util.Collections;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import nl.learnerwallet.desktop.backup.BackupPane;
import nl.learnerwallet.desktop.credentials.CredentialsPane;
import nl.learnerwallet.desktop.identity.IdentitiesPane;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import nl.learnerwallet.desktop.importing.DropTarget;
import nl.learnerwallet.desktop.importing.Importer;
import nl.learnerwallet.desktop.share.ShareWizard;
import nl.learnerwallet.desktop.share.SharesPane;

/**
 * The unlocked wallet: menus with mnemonics and shortcuts, four tabs (credentials, shares,
 * backup, identities), and the whole window as a drop target for credential files and links.
 */
public final class MainWindow extends BorderPane {

    private final Jobs jobs;
    private final Importer importer;
    private final CredentialsPane credentials;
    private final SharesPane shares;
    private final BackupPane backup;
    private final IdentitiesPane identities;
    private final TabPane tabs = new TabPane();
    private final Tab credentialsTab;
    private final Tab sharesTab;
    private final Tab backupTab;
    private final Tab identitiesTab;

    public MainWindow(Jobs jobs, CredentialOffers offers) {
        this.jobs = jobs;
        setId("main");
        this.credentials = new CredentialsPane(jobs, this::importFiles, this::share);
        this.importer = new Importer(jobs, offers, credentials::reload);
        this.shares = new SharesPane(jobs, credentials::reload);
        this.backup = new BackupPane(jobs, credentials::reload);
        this.identities = new IdentitiesPane(jobs, credentials::reload);

        credentialsTab = tab("tab-credentials", "tab.credentials", credentials);
        sharesTab = tab("tab-shares", "tab.shares", shares);
        backupTab = tab("tab-backup", "tab.backup", backup);
        identitiesTab = tab("tab-identities", "tab.identities", identities);
        tabs.getTabs().addAll(credentialsTab, sharesTab, backupTab, identitiesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((property, before, after) -> {
            if (after == sharesTab) {
                shares.reload();
            } else if (after == backupTab) {
                backup.reload();
            } else if (after == identitiesTab) {
                identities.reload();
            }
        });
        setTop(menus());
        setCenter(tabs);
        DropTarget.install(this, importer);
        credentials.reload();
    }

    public Importer importer() {
        return importer;
    }

    public CredentialsPane credentials() {
        return credentials;
    }

    private MenuBar menus() {
        Menu wallet = new Menu(Messages.get("menu.wallet"));
        wallet.setId("menu-wallet");
        wallet.getItems().addAll(
                item("menu-import", "menu.import", "Shortcut+O", this::importFiles),
                item("menu-import-link", "menu.importLink", "Shortcut+L", () -> importer.askForLink(window())),
                item("menu-receive-offer", "menu.receiveOffer", "Shortcut+R", () -> importer.askForOffer(window())),
                new SeparatorMenuItem(),
                item("menu-quit", "menu.quit", "Shortcut+Q", () -> window().hide()));
        Menu share = new Menu(Messages.get("menu.share"));
        share.setId("menu-share");
        share.getItems().addAll(
                item("menu-new-share", "menu.newShare", "Shortcut+N", () -> share(Collections.<String>emptyList())));
        Menu view = new Menu(Messages.get("menu.view"));
        view.setId("menu-view");
        view.getItems().addAll(
                item("menu-credentials", "menu.credentials", "Shortcut+1", () -> select(credentialsTab)),
                item("menu-shares", "menu.shares", "Shortcut+2", () -> select(sharesTab)),
                item("menu-backup", "menu.backup", "Shortcut+3", () -> select(backupTab)),
                item("menu-identities", "menu.identities", "Shortcut+4", () -> select(identitiesTab)),
                new SeparatorMenuItem(),
                item("menu-search", "menu.search", "Shortcut+F", () -> {
                    select(credentialsTab);
                    credentials.focusSearch();
                }));
        MenuBar bar = new MenuBar(wallet, share, view);
        bar.setId("menu-bar");
        return bar;
    }

    private void importFiles() {
        select(credentialsTab);
        importer.chooseFiles(window());
    }

    private void share(List<String> preselected) {
        ShareWizard.open(window(), jobs, credentials.credentials(), preselected, () -> {
            if (tabs.getSelectionModel().getSelectedItem() == sharesTab) {
                shares.reload();
            }
        });
    }

    private void select(Tab tab) {
        tabs.getSelectionModel().select(tab);
    }

    private Window window() {
        return getScene().getWindow();
    }

    private static Tab tab(String id, String key, javafx.scene.Node content) {
        Tab tab = new Tab(Messages.get(key), content);
        tab.setId(id);
        return tab;
    }

    private static MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(event -> action.run());
        return item;
    }
}
