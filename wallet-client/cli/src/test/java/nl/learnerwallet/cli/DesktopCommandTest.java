package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopCommandTest {

    @TempDir
    Path home;

    @AfterEach
    void forget() {
        System.clearProperty("wallet.desktop.jar");
        System.clearProperty("glass.gtk.uiScale");
    }

    @Test
    void opensTheDesktopAppsJarOnTheSameFolderInTheSameLanguageWithJavaFxsOwnSettings() {
        System.setProperty("glass.gtk.uiScale", "2");

        List<String> command = DesktopCommand.command(Path.of("/opt/wallet-desktop.jar"), home);

        assertThat(command).containsSequence("-jar", "/opt/wallet-desktop.jar", "--home", home.toString())
                .contains("-Duser.language=en", "-Dglass.gtk.uiScale=2");
    }

    @Test
    void saysHowToGetTheDesktopAppWhenItsJarIsMissing() {
        System.setProperty("wallet.desktop.jar", home.resolve("missing.jar").toString());

        CliRun.Result result = new CliRun(home).run("desktop");

        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err().trim()).isEqualTo("The desktop app " + home.resolve("missing.jar")
                + " is missing; run the command through ./wallet, which builds it.");
    }
}
