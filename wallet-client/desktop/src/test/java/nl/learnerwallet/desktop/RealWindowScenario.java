package nl.learnerwallet.desktop;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.credentials.CredentialsPane;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialKind;

/**
 * A learner at the real window, in a JVM of its own on GTK (the display is {@code DISPLAY}):
 * looks at the overview and a microcredential's detail, shares it with the wizard (opened with
 * Ctrl+N), takes a picture of the whole screen and reads the QR code in it as a phone would, opens
 * the link as an employer, then looks at the shares and backup tabs. Prints {@code SCENARIO LINK url} and {@code SCENARIO SCREEN-QR
 * text}, and leaves a PNG of each screen in the folder named by the first argument — what
 * {@link RealWindowIT} checks, and how the README's screenshots are made (with the demo wallet).
 *
 * <p>The wallet comes from the environment as for the app: {@code WALLET_HOME}, {@code WALLET_PASSPHRASE}.
 */
public final class RealWindowScenario {

    private RealWindowScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path screenshots = Paths.get(args.length > 0 ? args[0] : "target/screenshots");
        String prefix = args.length > 1 ? args[1] : "desktop";
        DesktopDriver driver = new DesktopDriver();
        int exit = 1;
        try {
            driver.start(DesktopOptions.parse(Collections.<String>emptyList(), System.getenv(), System.getProperty("user.home")),
                    CredentialOffers.notAvailable());
            run(driver, screenshots, prefix);
            exit = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace(System.out);
        } finally {
            driver.stop();
            System.out.flush();
            // The JavaFX toolkit keeps the JVM alive; the scenario is over.
            System.exit(exit);
        }
    }

    private static void run(DesktopDriver driver, Path screenshots, String prefix) throws Exception {
        Window main = driver.lookup("#main").query().getScene().getWindow();
        driver.awaitIdle();
        shoot(driver, main, screenshots.resolve(prefix + "-overview.png"));

        List<StoredCredential> credentials = driver.lookup("#credentials").queryAs(CredentialsPane.class).credentials();
        StoredCredential chosen = pick(credentials);
        driver.clickOn("#tile-" + chosen.id());
        driver.awaitIdle();
        shoot(driver, main, screenshots.resolve(prefix + "-detail.png"));
        // Further down: the EU standard elements and the named checks.
        javafx.scene.control.ScrollPane detail = driver.lookup(".detail .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        driver.interact(() -> detail.setVvalue(1));
        shoot(driver, main, screenshots.resolve(prefix + "-checks.png"));
        driver.type(KeyCode.ESCAPE);

        // The share wizard from its shortcut.
        driver.push(KeyCode.CONTROL, KeyCode.N);
        driver.await("#choose-" + chosen.id(), CheckBox.class);
        driver.clickOn("#choose-" + chosen.id());
        driver.clickOn("#wizard-next");
        if (driver.lookup("#claims-all").tryQuery().isPresent()) {
            for (String claim : new String[] {"achievement_title", "level", "issuing_authority", "workload"}) {
                driver.lookup("#claim-" + claim).tryQuery().ifPresent(driver::clickOn);
            }
            driver.clickOn("#wizard-next");
        }
        driver.clickOn("#share-label").write("Sollicitatie Bouwbedrijf De Vries");
        driver.clickOn("#wizard-create");
        driver.awaitIdle();
        TextField link = driver.await("#share-link", TextField.class);
        System.out.println("SCENARIO LINK " + link.getText());
        Window wizard = link.getScene().getWindow();
        shoot(driver, wizard, screenshots.resolve(prefix + "-share.png"));
        AtomicReference<Screenshots.Capture> screen = new AtomicReference<>();
        driver.interact(() -> screen.set(Screenshots.screen()));
        Screenshots.writePng(screen.get(), screenshots.resolve(prefix + "-screen.png"));
        Screenshots.Capture whole = screen.get();
        System.out.println("SCENARIO SCREEN-QR " + QrCodes.decode(whole.width(), whole.height(), whole.pixels()));
        driver.clickOn("#wizard-done");
        // An employer opens the link, so the shares tab has an opening to show.
        try (java.io.InputStream page = new java.net.URL(link.getText()).openStream()) {
            page.readAllBytes();
        }

        driver.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        driver.awaitIdle();
        TableView<?> table = driver.lookup("#shares-table").queryAs(TableView.class);
        driver.interact(() -> table.getSelectionModel().select(0));
        driver.awaitIdle();
        shoot(driver, main, screenshots.resolve(prefix + "-shares.png"));

        driver.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        driver.awaitIdle();
        shoot(driver, main, screenshots.resolve(prefix + "-backup.png"));
    }

    /** A microcredential to show and share: an SD-JWT VC when there is one (it shows the claims step), else the first. */
    private static StoredCredential pick(List<StoredCredential> credentials) {
        Optional<StoredCredential> selective = credentials.stream()
                .filter(each -> each.format() == CredentialFormat.SD_JWT_VC && each.card().kind() == CredentialKind.MICROCREDENTIAL)
                .findFirst();
        return selective.orElseGet(() -> credentials.stream()
                .min(Comparator.comparing((StoredCredential each) -> each.card().kind())).orElseThrow());
    }

    private static void shoot(DesktopDriver driver, Window window, Path file) throws Exception {
        AtomicReference<Screenshots.Capture> capture = new AtomicReference<>();
        driver.interact(() -> capture.set(Screenshots.window(window)));
        Screenshots.writePng(capture.get(), file);
    }
}
