package nl.learnerwallet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.credentials.CredentialsPane;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.WalletServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's journey in the desktop app against the real wallet server on loopback: badges
 * dropped on the window, a detail opened, a share made in the wizard (only two claims of the
 * SD-JWT VC shown, at most three views), its QR code read back from the pixels the app drew to
 * the link, the link opened as an employer's phone would, the opening in the access log, and the
 * link revoked — after which it no longer opens.
 */
class ShareJourneyIT {

    @TempDir
    Path folder;

    @TempDir
    Path files;

    @TempDir
    Path serverFolder;

    private final DesktopDriver driver = new DesktopDriver();
    private WalletServerProcess server;

    @BeforeEach
    void startServer() throws Exception {
        server = new WalletServerProcess(serverFolder);
    }

    @AfterEach
    void stop() throws Exception {
        driver.stop();
        server.close();
    }

    @Test
    void aLearnerSharesAMicrocredentialAsAQrCodeSeesItOpenedAndRevokesIt() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        server.trusting(wallet.home.directory().resolve("trust.json")).start();
        wallet.register(server.url());
        driver.start(wallet.options(), CredentialOffers.notAvailable());

        // Import by drop.
        driver.drop(wallet.sdJwtMicrocredential(files),
                wallet.file(files, Shape.REGULAR_BADGE));
        assertThat(driver.lookup(".tile").queryAll()).hasSize(2);
        StoredCredential micro = driver.lookup("#credentials").queryAs(CredentialsPane.class).credentials().stream()
                .filter(each -> each.format() == CredentialFormat.SD_JWT_VC).findFirst().orElseThrow();

        // Open its detail, and share it from there.
        driver.clickOn("#tile-" + micro.id());
        driver.awaitIdle();
        assertThat(driver.lookup("#detail-title").queryAs(Label.class).getText()).isEqualTo("Circulaire bouwtechniek");
        driver.clickOn("#detail-share-button");
        assertThat(driver.lookup("#choose-" + micro.id()).queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        driver.clickOn("#wizard-next");
        assertThat(driver.lookup("#wizard-step").queryAs(Label.class).getText()).startsWith("2.");
        // Nothing is shown unless ticked.
        assertThat(driver.lookup("#claim-achievement_title").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        driver.clickOn("#claim-achievement_title").clickOn("#claim-level");
        driver.clickOn("#wizard-next");
        driver.clickOn("#limit-views");
        driver.clickOn("#share-label").write("Sollicitatie Bouwbedrijf");
        driver.clickOn("#wizard-create");
        driver.awaitIdle();

        String link = driver.lookup("#share-link").queryAs(TextField.class).getText();
        assertThat(link).startsWith(server.url() + "/s/");
        assertThat(DesktopDriver.readQr(driver.lookup("#share-qr").queryAs(ImageView.class))).isEqualTo(link);
        // One SD-JWT VC with two claims also fits an offline code, which holds the presentation itself.
        ToggleButton offline = driver.lookup("#show-offline-code").queryAs(ToggleButton.class);
        assertThat(offline.isDisabled()).isFalse();
        driver.clickOn(offline);
        String offlineText = DesktopDriver.readQr(driver.lookup("#share-qr").queryAs(ImageView.class));
        assertThat(OfflinePresentation.looksLike(offlineText)).isTrue();
        assertThat(OfflinePresentation.decode(offlineText)).contains("~");
        driver.clickOn("#share-copy");
        assertThat(driver.lookup("#share-copied").queryAs(Label.class).getText()).isEqualTo("The link is on the clipboard.");
        driver.clickOn("#wizard-done");

        // An employer opens it: the server shows the credential, with only what was disclosed.
        String page = open(link);
        assertThat(page).contains("Circulaire bouwtechniek").doesNotContain("Daan");

        // The shares tab: active, opened once, and the opening in the log.
        driver.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        driver.awaitIdle();
        @SuppressWarnings("unchecked")
        TableView<Object> table = driver.lookup("#shares-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        driver.interact(() -> table.getSelectionModel().select(0));
        driver.awaitIdle();
        assertThat(driver.lookup("#share-state").queryAs(Label.class).getText()).startsWith("Active; opened 1 of 3");
        assertThat(driver.lookup("#share-log .label").queryAs(Label.class).getText()).contains("viewed");
        assertThat(DesktopDriver.readQr(driver.lookup("#shares-qr").queryAs(ImageView.class))).isEqualTo(link);

        // Revoked: the link dies at once.
        driver.press("#revoke-button");
        driver.confirm();
        driver.awaitIdle();
        assertThat(driver.activity().outcome()).isEqualTo("The link to Circulaire bouwtechniek is revoked; it no longer works.");
        assertThat(driver.lookup("#share-state").queryAs(Label.class).getText()).startsWith("Revoked");
        assertThat(status(link)).isEqualTo(404);
    }

    @Test
    void withoutARegisteredServerTheWizardSaysWhereToRegister() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        driver.start(wallet.options(), CredentialOffers.notAvailable());
        driver.drop(wallet.file(files, Shape.REGULAR_BADGE));

        driver.clickOn("#share-button");
        driver.clickOn("#wizard-next");
        assertThat(driver.lookup("#wizard-problem").queryAs(Label.class).getText()).isEqualTo("Choose at least one credential to share.");
        driver.clickOn(".check-box");
        driver.clickOn("#wizard-next");
        driver.clickOn("#wizard-create");
        driver.awaitIdle();

        assertThat(driver.lookup("#wizard-problem").queryAs(Label.class).getText())
                .isEqualTo("This wallet has no server yet; register one on the Backup tab first.");
        driver.clickOn("#wizard-cancel");
    }

    @Test
    void anExamCommitteesDecisionOnAnExemptionRequestComesBackVerifiedAndIsKept() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        Path committeeHome = folder.resolve("committee");
        Path institution = folder.resolve("hogeschool-rotterdam");
        command(committeeHome, "issuer", "init", institution.toString(), "--name", "Hogeschool Rotterdam");
        String institutionId = nl.learnerwallet.model.json.StrictJson.parse(
                java.nio.file.Files.readAllBytes(institution.resolve("organisation.json"))).path("issuer").asText();
        // The server recognises the institutions the learner trusts; only those may decide.
        wallet.trust(institutionId, "Hogeschool Rotterdam");
        server.trusting(wallet.home.directory().resolve("trust.json")).start();
        wallet.register(server.url());
        driver.start(wallet.options(), CredentialOffers.notAvailable());
        driver.drop(wallet.file(files, Shape.HBO_MICROCREDENTIAL));

        driver.clickOn("#share-button");
        driver.clickOn(".check-box");
        driver.clickOn("#wizard-next");
        driver.clickOn("#purpose-exemption");
        driver.clickOn("#wizard-create");
        assertThat(driver.lookup("#wizard-problem").queryAs(Label.class).getText()).isEqualTo("Fill in Institution.");
        driver.fill("#course-institution", "Hogeschool Rotterdam");
        driver.fill("#course-code", "DATA-201");
        driver.fill("#course-name", "Data-analyse");
        driver.fill("#course-outcomes", "Analyseert een dataset met Python\nPresenteert bevindingen");
        driver.fill("#course-load", "5");
        driver.fill("#course-motivation", "Gedekt door mijn microcredential.");
        driver.clickOn("#wizard-create");
        driver.awaitIdle();
        String link = driver.lookup("#share-link").queryAs(TextField.class).getText();
        driver.clickOn("#wizard-done");

        command(committeeHome, "issuer", "decide", institution.toString(), link, "--decision", "granted",
                "--grounds", "De leeruitkomsten zijn aangetoond.", "--deciding-body", "Examencommissie HBO-ICT",
                "--appeal", "Beroep binnen zes weken bij het CBE.");

        driver.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        driver.awaitIdle();
        @SuppressWarnings("unchecked")
        TableView<Object> table = driver.lookup("#shares-table").queryAs(TableView.class);
        driver.interact(() -> table.getSelectionModel().select(0));
        driver.awaitIdle();
        assertThat(driver.lookup("#share-decisions .decision").queryAs(Label.class).getText())
                .startsWith("Decision 1: exemption granted").contains("(Genuine)").contains("Examencommissie HBO-ICT");
        driver.press("#keep-decisions");
        driver.awaitIdle();

        assertThat(driver.activity().outcome()).isEqualTo("Kept 1 decision(s) in your wallet.");
        assertThat(driver.lookup("#credentials").queryAs(CredentialsPane.class).credentials())
                .anyMatch(credential -> credential.card().title().contains("DATA-201"));
    }

    @Test
    void aBackupMadeInTheAppComesBackOnANewDeviceWithTheRecoveryCode() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        server.start();
        driver.start(wallet.options(), CredentialOffers.notAvailable());
        driver.drop(wallet.file(files, Shape.WO_MICROCREDENTIAL),
                wallet.file(files, Shape.DIPLOMA));

        driver.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        driver.awaitIdle();
        assertThat(driver.lookup("#backup-standing").queryAs(Label.class).getText()).startsWith("This wallet has no server yet.");
        driver.clickOn("#server-url").write(server.url());
        driver.clickOn("#register-button");
        driver.awaitIdle();
        assertThat(driver.lookup("#backup-outcome").queryAs(Label.class).getText()).isEqualTo(
                "Registered this wallet with " + server.url() + ". Back it up now.");
        driver.clickOn("#backup-button");
        driver.awaitIdle();
        assertThat(driver.lookup("#backup-outcome").queryAs(Label.class).getText()).startsWith("Backed up as version 1;");
        assertThat(driver.lookup("#backup-standing").queryAs(Label.class).getText()).contains("the last version this device saw is 1");
        driver.stop();

        // A new device: no wallet yet; the recovery code brings it back from the server.
        DesktopOptions fresh = DesktopOptions.parse(java.util.Collections.<String>emptyList(),
                java.util.Map.of("WALLET_HOME", folder.resolve("new-device").toString()), "/nonexistent");
        driver.start(fresh, CredentialOffers.notAvailable());
        driver.clickOn("#restore-server").write(server.url());
        driver.clickOn("#restore-recovery-code").write(wallet.recoveryCode);
        driver.clickOn("#restore-passphrase").write("a new device's passphrase");
        driver.clickOn("#restore-passphrase-again").write("a new device's passphrase");
        driver.clickOn("#restore-button");
        driver.awaitIdle();

        assertThat(driver.activity().outcome()).isEqualTo("Your wallet is back from " + server.url() + ".");
        assertThat(driver.lookup(".tile").queryAll()).hasSize(2);
    }

    /** The packaged command, as a committee or a learner runs it (the committee's decide fetches from loopback). */
    private static String command(Path home, String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(Arrays.asList(
                java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("wallet.cli.jar"), "--home", home.toString()));
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        builder.environment().remove("WALLET_HOME");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static String open(String link) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(link).openConnection();
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String link) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(link).openConnection();
        connection.setRequestProperty("Accept", "application/json");
        return connection.getResponseCode();
    }
}
