package nl.learnerwallet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wallet desktop} as a learner runs it: the packaged command (which has no JavaFX of its
 * own) launches the packaged desktop app on the same folder, and its window appears on the display.
 * The window is found by its title in the X server's window tree ({@code xwininfo}).
 */
class DesktopLaunchIT {

    @TempDir
    Path folder;

    @Test
    void walletDesktopOpensTheAppsWindowOnTheSameWallet() throws Exception {
        Path cliJar = Paths.get(System.getProperty("wallet.cli.jar"));
        Path desktopJar = Paths.get(System.getProperty("wallet.desktop.jar"));
        assertThat(cliJar).isRegularFile();
        assertThat(desktopJar).isRegularFile();
        try (Stream<Path> libraries = Files.list(cliJar.resolveSibling("lib"))) {
            assertThat(libraries.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("javafx"));
        }
        TestWallet wallet = TestWallet.in(folder.resolve("wallet"));

        try (VirtualDisplay display = VirtualDisplay.start("1280x1024x24", folder.resolve("xvfb.log"))) {
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Dwallet.desktop.jar=" + desktopJar);
            command.add("-jar");
            command.add(cliJar.toString());
            command.add("--home");
            command.add(wallet.home.directory().toString());
            command.add("desktop");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("desktop.log").toFile());
            builder.environment().put("DISPLAY", display.display());
            builder.environment().put("WALLET_PASSPHRASE", TestWallet.PASSPHRASE);
            Process desktop = builder.start();
            try {
                assertThat(awaitWindow(display, "Learner Wallet", desktop)).as(log()).isTrue();
            } finally {
                // The command's shutdown hook closes the app it opened.
                desktop.destroy();
                desktop.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits (generously: the first JavaFX start on a busy machine is slow) until a window with this title is mapped. */
    private static boolean awaitWindow(VirtualDisplay display, String title, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline && app.isAlive()) {
            Process tree = new ProcessBuilder("xwininfo", "-display", display.display(), "-root", "-tree")
                    .redirectErrorStream(true).start();
            String windows = new String(tree.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            tree.waitFor();
            if (windows.contains("\"" + title + "\"")) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private String log() throws IOException {
        Path log = folder.resolve("desktop.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
