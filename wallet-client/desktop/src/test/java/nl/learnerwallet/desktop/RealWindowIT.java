package nl.learnerwallet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.WalletServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window, not a headless stand-in: Xvfb on a display of its own, the app on GTK in a JVM
 * of its own ({@link RealWindowScenario}) sharing a microcredential against the real wallet server,
 * a picture of the whole screen, and in it a QR code that reads back to the share's link — the
 * link the wallet stored and the server serves.
 */
class RealWindowIT {

    /** The wallet, the credentials' files, the server's database and the display's log, each in a folder of its own here. */
    @TempDir
    Path folder;

    @Test
    void theShareQrCodeOnTheRealScreenReadsBackToTheLink() throws Exception {
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));
        Path screenshots = Paths.get(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(folder.resolve("server"));
        try (WalletServerProcess server = new WalletServerProcess(folder.resolve("server"))
                .trusting(wallet.home.directory().resolve("trust.json")).start();
                VirtualDisplay display = VirtualDisplay.start("1600x1200x24", folder.resolve("xvfb.log"))) {
            wallet.register(server.url());
            importCredentials(wallet);

            List<String> lines = runScenario(wallet, display, screenshots);

            String link = value(lines, "LINK");
            assertThat(link).startsWith(server.url() + "/s/");
            assertThat(value(lines, "SCREEN-QR")).isEqualTo(link);
            assertThat(storedLinks(wallet)).containsExactly(link);
            for (String screen : new String[] {"overview", "detail", "checks", "share", "screen", "shares", "backup"}) {
                assertThat(screenshots.resolve("desktop-" + screen + ".png")).isRegularFile();
            }
        }
    }

    private void importCredentials(TestWallet wallet) throws Exception {
        try (Wallet opened = Wallet.unlock(wallet.home.openStore(false), TestWallet.PASSPHRASE.toCharArray(), wallet.context)) {
            Path files = folder.resolve("files");
            for (Path file : new Path[] {wallet.sdJwtMicrocredential(files), wallet.file(files, Shape.MBO_MICROCREDENTIAL),
                wallet.file(files, Shape.REGULAR_BADGE), wallet.file(files, Shape.DIPLOMA)}) {
                opened.importCredential(Files.readAllBytes(file), wallet.home.trustList());
            }
        }
    }

    /** Runs the scenario on the display; its output, line by line. */
    private List<String> runScenario(TestWallet wallet, VirtualDisplay display, Path screenshots) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dtestfx.robot=glass");
        command.add("-Dtestfx.headless=false");
        command.add("-Dprism.order=sw");
        command.add("-Duser.language=en");
        command.add("-Duser.country=GB");
        command.add("-cp");
        // Failsafe runs this JVM from a manifest-only jar; the test class path is in its own property.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(RealWindowScenario.class.getName());
        command.add(screenshots.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.display());
        builder.environment().put("WALLET_HOME", wallet.home.directory().toString());
        builder.environment().put("WALLET_PASSPHRASE", TestWallet.PASSPHRASE);
        builder.environment().put("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        Process scenario = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(scenario.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        // Its output has ended, so it is ending; the wait only synchronises.
        scenario.waitFor(5, TimeUnit.MINUTES);
        assertThat(scenario.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    private static String value(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith("SCENARIO " + name + " ")) {
                return line.substring(("SCENARIO " + name + " ").length());
            }
        }
        throw new AssertionError("the scenario did not say " + name + ":\n" + String.join("\n", lines));
    }

    private static List<String> storedLinks(TestWallet wallet) {
        try (Wallet opened = Wallet.unlock(wallet.home.openStore(false), TestWallet.PASSPHRASE.toCharArray(), wallet.context)) {
            List<String> links = new ArrayList<>();
            for (ShareLinks.ShareLink link : new ShareLinks(opened, null, wallet.context).list()) {
                links.add(link.url());
            }
            return links;
        }
    }
}
