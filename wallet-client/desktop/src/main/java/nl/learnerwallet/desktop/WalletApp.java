package nl.learnerwallet.desktop;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import nl.learnerwallet.desktop.unlock.Stores;
import nl.learnerwallet.desktop.unlock.UnlockPane;
import nl.learnerwallet.desktop.unlock.WelcomePane;

/**
 * The desktop app: one window whose content is the way in (a new or restored wallet, or the
 * passphrase) until the wallet is open, then the {@link MainWindow}; the status bar is always at
 * its foot. Sizes are in em throughout, so the window reads the same at 200 % scaling.
 */
public final class WalletApp extends Application {

    private static final double WIDTH_EMS = 72;
    private static final double HEIGHT_EMS = 50;

    private DesktopOptions options;
    private WalletContext context;
    private CredentialOffers offers;
    private WalletSession session;
    private Jobs jobs;
    private final BorderPane frame = new BorderPane();

    /** As {@code Application.launch} makes it: the options come from the command line and the environment in {@link #init()}. */
    public WalletApp() {
    }

    /** As tests make it: a given folder, context (clock, randomness, network) and way to receive offers. */
    public WalletApp(DesktopOptions options, WalletContext context, CredentialOffers offers) {
        this.options = options;
        this.context = context;
        this.offers = offers;
    }

    @Override
    public void init() throws Exception {
        if (options == null) {
            options = DesktopOptions.parse(getParameters().getRaw(), System.getenv(), System.getProperty("user.home"));
            context = WalletContext.standard(options.allowPrivateNetworks());
            offers = new nl.learnerwallet.desktop.importing.ProtocolOffers(context);
        }
    }

    @Override
    public void start(Stage stage) {
        ActivityBar bar = new ActivityBar();
        session = new WalletSession(options.home(), context);
        jobs = new Jobs(session, bar);
        frame.setId("frame");
        frame.setBottom(bar);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double em = Font.getDefault().getSize();
        Scene scene = new Scene(frame, Math.min(WIDTH_EMS * em, screen.getWidth() * 0.95),
                Math.min(HEIGHT_EMS * em, screen.getHeight() * 0.9));
        scene.getStylesheets().add(WalletApp.class.getResource("wallet.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(Math.min(36 * em, screen.getWidth()));
        stage.setMinHeight(Math.min(24 * em, screen.getHeight()));
        stage.show();
        enter();
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }

    /** The way in: a wallet to make or restore, the passphrase from the environment tried first, else asked. */
    private void enter() {
        if (!options.home().hasWallet()) {
            frame.setCenter(new WelcomePane(jobs, this::showMain));
            return;
        }
        if (options.passphrase() == null) {
            frame.setCenter(new UnlockPane(jobs, this::showMain, null));
            return;
        }
        char[] given = options.passphrase().toCharArray();
        jobs.open(Messages.get("unlock.unlocking"),
                home -> Stores.open(home, false, store -> Wallet.unlock(store, given, context)),
                this::showMain, sentence -> frame.setCenter(new UnlockPane(jobs, this::showMain,
                        Messages.get("unlock.environmentRefused", sentence))));
    }

    private void showMain() {
        MainWindow main = new MainWindow(jobs, offers);
        frame.setCenter(main);
    }
}
