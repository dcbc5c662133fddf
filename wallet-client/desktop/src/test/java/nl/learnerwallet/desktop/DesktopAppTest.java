package nl.learnerwallet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.EdubadgesIssuer;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app in headless Monocle, on a real wallet folder made by the core: files dropped on
 * the window land in the right groups, a detail shows the EU standard elements and the named
 * checks, a tampered file is refused in one sentence, search and filters narrow the overview, and
 * the way in asks for the passphrase when the environment's is wrong.
 */
class DesktopAppTest {

    @TempDir
    Path folder;

    @TempDir
    Path files;

    private final DesktopDriver driver = new DesktopDriver();

    @AfterEach
    void stop() throws Exception {
        driver.stop();
        Locale.setDefault(Locale.UK);
    }

    @Test
    void filesDroppedOnTheWindowAreImportedAndShownGroupedByKind() throws Exception {
        TestWallet wallet = started();
        assertThat(driver.lookup("#overview-empty").queryAs(Label.class).getText()).contains("Drop a badge");

        boolean taken = driver.drop(
                wallet.file(files, Shape.HBO_MICROCREDENTIAL), wallet.file(files, Shape.REGULAR_BADGE),
                wallet.file(files, Shape.DIPLOMA));

        assertThat(taken).isTrue();
        assertThat(driver.activity().message()).startsWith("Imported 3 of 3.")
                .contains("Imported \"Data-analyse met Python\": Microcredential, Genuine.");
        VBox micro = driver.lookup("#group-kind-microcredential").queryAs(VBox.class);
        assertThat(texts(micro)).contains("Microcredentials (1)", "Data-analyse met Python", "Hogeschool Utrecht", "\u2714 Genuine");
        assertThat(texts(micro)).anyMatch(text -> text.contains("EQF 6") && text.contains("5 EC"));
        assertThat(driver.lookup("#group-kind-regular-badge").tryQuery()).isPresent();
        assertThat(driver.lookup("#group-kind-diploma").tryQuery()).isPresent();
    }

    @Test
    void aDetailShowsTheEuStandardElementsAndTheNamedChecksAndEscapeGoesBack() throws Exception {
        TestWallet wallet = started();
        driver.drop(wallet.file(files, Shape.MBO_MICROCREDENTIAL));

        Node tile = driver.lookup(".tile").query();
        driver.clickOn(tile);
        driver.awaitIdle();

        assertThat(driver.lookup("#detail-title").queryAs(Label.class).getText()).isNotBlank();
        assertThat(driver.lookup("#detail-verdict").queryAs(Label.class).getText()).startsWith("Genuine");
        assertThat(driver.lookup("#eu-title").queryAs(Label.class).getText()).startsWith("\u2714 Title");
        assertThat(driver.lookup("#eu-summary").queryAs(Label.class).getText()).isNotBlank();
        assertThat(driver.lookup("#check-signature").queryAs(Label.class).getText()).isEqualTo("passed");
        assertThat(driver.lookup("#check-issuer-trust").queryAs(Label.class).getText()).isEqualTo("passed");

        driver.type(KeyCode.ESCAPE);
        driver.awaitIdle();
        assertThat(driver.lookup("#detail-title").tryQuery()).isEmpty();
        assertThat(driver.lookup(".tile").tryQuery()).isPresent();
    }

    @Test
    void aTileOpensWithTheKeyboard() throws Exception {
        TestWallet wallet = started();
        driver.drop(wallet.file(files, Shape.REGULAR_BADGE));

        driver.interact(() -> driver.lookup(".tile").query().requestFocus());
        driver.type(KeyCode.ENTER);
        driver.awaitIdle();

        assertThat(driver.lookup("#detail-title").tryQuery()).isPresent();
        // A badge is not held to the EU elements; the detail says so rather than listing them as missing.
        assertThat(driver.lookup(".eu-missing").tryQuery()).isEmpty();
    }

    @Test
    void aTamperedFileIsRefusedInOneSentenceAndNothingIsStored() throws Exception {
        TestWallet wallet = started();

        driver.drop(wallet.tamperedFile(files));

        assertThat(driver.activity().message()).isEqualTo(
                "The credential was refused: its signature or issuer key does not check out, so it may have been altered.");
        assertThat(driver.activity().getChildren().get(1).getPseudoClassStates()).anyMatch(state -> state.getPseudoClassName().equals("problem"));
        assertThat(driver.lookup(".tile").tryQuery()).isEmpty();
    }

    @Test
    void aFileThatIsNoCredentialGetsAClearSentenceNotAStackTrace() throws Exception {
        TestWallet wallet = started();
        Path notes = java.nio.file.Files.writeString(files.resolve("notes.json"), "{\"a\": 1, \"a\": 2}");

        driver.drop(notes);

        assertThat(driver.activity().message()).isEqualTo("It was refused: its JSON has a duplicate key.");
    }

    @Test
    void searchAndTheKindFilterNarrowTheOverview() throws Exception {
        TestWallet wallet = started();
        driver.drop(wallet.file(files, Shape.HBO_MICROCREDENTIAL),
                wallet.file(files, Shape.WO_MICROCREDENTIAL), wallet.file(files, Shape.REGULAR_BADGE));
        assertThat(driver.lookup(".tile").queryAll()).hasSize(3);

        driver.clickOn("#search").write("pyth");
        assertThat(driver.lookup(".tile").queryAll()).hasSize(1);

        driver.push(KeyCode.CONTROL, KeyCode.A).write("zzz-nothing");
        assertThat(driver.lookup("#overview-nothing").tryQuery()).isPresent();

        driver.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        driver.interact(() -> driver.lookup("#kind-filter").queryAs(javafx.scene.control.ComboBox.class).getSelectionModel().select(1));
        assertThat(driver.lookup(".tile").queryAll()).hasSize(2);
        assertThat(driver.lookup("#group-kind-regular-badge").tryQuery()).isEmpty();
    }

    @Test
    void aWrongPassphraseInTheEnvironmentIsSaidAndTheTypedOneUnlocks() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        DesktopOptions wrong = new DesktopOptions(wallet.home, "not the passphrase", true);
        driver.start(wrong, CredentialOffers.notAvailable());

        assertThat(driver.lookup("#unlock-problem").queryAs(Label.class).getText()).contains("WALLET_PASSPHRASE").contains("Wrong passphrase");
        driver.clickOn("#unlock-passphrase").write(TestWallet.PASSPHRASE).type(KeyCode.ENTER);
        driver.awaitIdle();

        assertThat(driver.lookup("#main").tryQuery()).isPresent();
    }

    @Test
    void aNewWalletShowsItsRecoveryCodeOnceAndTheCodeSetsANewPassphrase() throws Exception {
        DesktopOptions options = DesktopOptions.parse(Collections.<String>emptyList(),
                java.util.Map.of("WALLET_HOME", folder.resolve("fresh").toString()), "/nonexistent");
        driver.start(options, CredentialOffers.notAvailable());

        driver.clickOn("#create-passphrase").write("a passphrase");
        driver.clickOn("#create-passphrase-again").write("another one");
        driver.clickOn("#create-button");
        assertThat(driver.lookup("#create-problem").queryAs(Label.class).getText()).isEqualTo("The two passphrases differ; type the same one twice.");
        driver.doubleClickOn("#create-passphrase-again").push(KeyCode.CONTROL, KeyCode.A).write("a passphrase");
        driver.clickOn("#create-button");
        driver.awaitIdle();

        String code = driver.lookup("#recovery-code").queryAs(Label.class).getText();
        assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}");
        assertThat(driver.lookup("#recovery-continue").query().isDisabled()).isTrue();
        driver.clickOn("#recovery-written-down").clickOn("#recovery-continue");
        driver.awaitIdle();
        assertThat(driver.lookup("#main").tryQuery()).isPresent();

        // Forgotten: the recovery code sets a new one, from the backup tab.
        driver.clickOn("#tab-backup .tab-label");
        driver.awaitIdle();
        driver.clickOn("#backup-reset-passphrase");
        driver.clickOn("#reset-recovery-code").write(code.toLowerCase(Locale.ROOT));
        driver.clickOn("#reset-passphrase").write("a new passphrase");
        driver.clickOn("#reset-passphrase-again").write("a new passphrase");
        driver.clickOn("#reset-button");
        driver.awaitIdle();
        assertThat(driver.activity().message()).isEqualTo("Your passphrase has been changed.");
    }

    @Test
    void speaksDutchWhenTheLocaleIsDutch() throws Exception {
        Locale.setDefault(new Locale("nl", "NL"));
        TestWallet wallet = started();

        TabPane tabs = driver.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Credentials", "Gedeeld", "Back-up", "Identiteiten");
        assertThat(driver.lookup("#overview-empty").queryAs(Label.class).getText()).startsWith("Je wallet is leeg.");
    }

    @Test
    void aCredentialOfferGoesToTheCoresClientWithTheTransactionCodeTheLearnerTypes() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        byte[] issued = java.nio.file.Files.readAllBytes(wallet.file(files, Shape.HBO_MICROCREDENTIAL));
        String[] seen = new String[2];
        CredentialOffers issuer = (opened, offer, trustList, codes) -> {
            seen[0] = offer;
            seen[1] = codes.ask("Sent to you by e-mail", 6, true);
            return Collections.singletonList(opened.importCredential(issued, trustList));
        };
        driver.start(wallet.options(), issuer);

        driver.push(KeyCode.CONTROL, KeyCode.R);
        driver.clickOn("#offer-field").write("https://not-an-offer.example");
        driver.confirm();
        assertThat(driver.lookup("#offer-problem").queryAs(Label.class).getText())
                .isEqualTo("A credential offer link starts with openid-credential-offer://");
        String offer = "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fedu.example%2Foffers%2F42";
        driver.doubleClickOn("#offer-field").push(KeyCode.CONTROL, KeyCode.A).write(offer);
        driver.confirm();
        // The issuer asks for the code it sent by e-mail; the wallet waits for the learner.
        driver.await("#transaction-code", javafx.scene.control.TextField.class);
        driver.clickOn("#transaction-code").write("493536");
        driver.confirm();
        driver.awaitIdle();

        assertThat(seen).containsExactly(offer, "493536");
        assertThat(driver.activity().outcome()).isEqualTo("Imported \"Data-analyse met Python\": Microcredential, Genuine.");
        assertThat(driver.lookup(".tile").queryAll()).hasSize(1);
    }

    @Test
    void untilTheCoreReceivesOffersTheAppSaysSoInOneSentence() throws Exception {
        TestWallet wallet = started();

        driver.push(KeyCode.CONTROL, KeyCode.R);
        driver.clickOn("#offer-field").write("openid-credential-offer://?credential_offer=%7B%7D");
        driver.confirm();
        driver.awaitIdle();

        assertThat(driver.activity().outcome())
                .isEqualTo("Receiving credentials from an offer is not available in this version of the desktop app yet.");
    }

    @Test
    void noMnemonicIsTakenTwiceOnAScreenInEitherLanguage() throws Exception {
        for (Locale locale : new Locale[] {Locale.UK, new Locale("nl", "NL")}) {
            Locale.setDefault(locale);
            TestWallet wallet = TestWallet.in(folder.resolve("wallet-" + locale.getLanguage()));
            driver.start(wallet.options(), CredentialOffers.notAvailable());
            driver.drop(wallet.file(files, Shape.REGULAR_BADGE));
            assertThat(mnemonics()).as("overview, %s", locale).doesNotHaveDuplicates();
            driver.clickOn(".tile");
            assertThat(mnemonics()).as("detail, %s", locale).doesNotHaveDuplicates();
            driver.push(KeyCode.CONTROL, KeyCode.DIGIT2);
            driver.awaitIdle();
            assertThat(mnemonics()).as("shares, %s", locale).doesNotHaveDuplicates();
            driver.push(KeyCode.CONTROL, KeyCode.DIGIT3);
            driver.awaitIdle();
            assertThat(mnemonics()).as("backup, %s", locale).doesNotHaveDuplicates();
            driver.push(KeyCode.CONTROL, KeyCode.DIGIT4);
            driver.awaitIdle();
            assertThat(mnemonics()).as("identities, %s", locale).doesNotHaveDuplicates();
            driver.stop();
        }
    }

    /** The letters Alt reaches on the main window as it is now: its menus and every showing control. */
    private java.util.List<Character> mnemonics() {
        Node root = driver.lookup("#main").query();
        java.util.List<Character> letters = new java.util.ArrayList<>();
        for (javafx.scene.control.Menu menu : driver.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()) {
            letters.add(mnemonic(menu.getText()));
        }
        for (Node node : root.lookupAll(".labeled")) {
            javafx.scene.control.Labeled labeled = (javafx.scene.control.Labeled) node;
            if (labeled.isMnemonicParsing() && labeled.getText() != null && labeled.getText().contains("_") && showing(node)) {
                letters.add(mnemonic(labeled.getText()));
            }
        }
        return letters;
    }

    private static char mnemonic(String text) {
        return Character.toLowerCase(text.charAt(text.indexOf('_') + 1));
    }

    private static boolean showing(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void bakedPngAndSvgBadgesAreCheckedWithTheirHostingIssuerWhileTheStatusBarSaysSoAndAnIdentityMakesThemYours()
            throws Exception {
        String email = "learner@student.example.nl";
        try (LoopbackIssuer host = LoopbackIssuer.http()) {
            EdubadgesIssuer issuer = new EdubadgesIssuer(host.base()).publish(host);
            ObjectNode hbo = issuer.assertion("D1", email);
            String hboUrl = issuer.publish(host, hbo);
            ObjectNode mbo = issuer.assertion("D2", email);
            String mboUrl = issuer.publish(host, mbo);
            Path png = java.nio.file.Files.write(files.resolve("badge.png"), BadgeBaker.png(hbo.toString()));
            Path svg = java.nio.file.Files.writeString(files.resolve("badge.svg"), BadgeBaker.svg(mbo.toString(), mboUrl));
            TestWallet wallet = started();
            wallet.trust(issuer.issuerId(), "Hogeschool Voorbeeld");
            java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
            ((Label) driver.activity().getChildren().get(1)).textProperty().addListener((property, before, after) -> said.add(after));

            driver.drop(png, svg);

            assertThat(said).contains("Checking badge.png (1 of 2)...", "Checking badge.svg (2 of 2)...");
            assertThat(host.requests()).anyMatch(request -> request.contains("/public/assertions/D1"));
            assertThat(driver.lookup(".tile").queryAll()).hasSize(2);
            // Issued to a hashed e-mail address, and the wallet knows none of the learner's yet.
            assertThat(driver.activity().outcome()).contains("Could not be checked").doesNotContain("Genuine");

            // The e-mail address the badges were issued to (as a salted hash) makes them the learner's.
            driver.push(KeyCode.CONTROL, KeyCode.DIGIT4);
            driver.awaitIdle();
            driver.clickOn("#identity-field").write(email).type(KeyCode.ENTER);
            driver.awaitIdle();
            assertThat(driver.lookup("#identity-outcome").queryAs(Label.class).getText())
                    .isEqualTo("Added " + email + "; credentials issued to it now match.");
            assertThat(driver.lookup("#holder-did").queryAs(Label.class).getText()).isEqualTo(wallet.holder);
            driver.push(KeyCode.CONTROL, KeyCode.DIGIT1);
            assertThat(texts(driver.lookup("#credentials").query())).contains("\u2714 Genuine").doesNotContain("? Could not be checked");
            assertThat(hboUrl).isNotEqualTo(mboUrl);
        }
    }

    /** A wallet made in the test's folder, the app started on it with the passphrase given. */
    private TestWallet started() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        driver.start(wallet.options(), CredentialOffers.notAvailable());
        return wallet;
    }

    private static java.util.List<String> texts(Node root) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (Node node : root.lookupAll(".label")) {
            texts.add(((Label) node).getText());
        }
        return texts;
    }
}
