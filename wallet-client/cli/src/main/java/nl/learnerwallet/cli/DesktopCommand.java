package nl.learnerwallet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code wallet desktop}: opens the desktop app on the same wallet folder, by launching the
 * desktop app's own jar (which brings JavaFX) as the server command launches the server's: the
 * command line itself never needs JavaFX. The app gets the folder, the passphrase when the command
 * has one (WALLET_PASSPHRASE or --passphrase-file), the language, and JavaFX's own settings given
 * to this command (-Dglass.gtk.uiScale=2 through WALLET_JAVA_OPTS, say). Runs until the window closes.
 */
@Command(name = "desktop", description = "Open the desktop app on this wallet; runs until its window is closed.")
final class DesktopCommand extends Subcommand implements Callable<Integer> {

    /** JavaFX reads its settings from system properties with these prefixes. */
    private static final String[] JAVAFX_PROPERTY_PREFIXES = {"glass.", "prism.", "javafx.", "quantum.", "monocle."};

    @Override
    public Integer call() throws Exception {
        WalletCommand root = root();
        List<String> command = command(desktopJar(), root.home().directory());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        // The app reads these as the command does; it asks for the passphrase itself when none is given.
        environment.remove("WALLET_PASSPHRASE");
        char[] passphrase = root.passphrases().givenWithoutAsking();
        if (passphrase != null) {
            environment.put("WALLET_PASSPHRASE", new String(passphrase));
        }
        String allow = root.environment(WalletCommand.ALLOW_PRIVATE_NETWORKS);
        if (allow != null) {
            environment.put(WalletCommand.ALLOW_PRIVATE_NETWORKS, allow);
        }
        int exit = Programs.runToEnd(builder);
        return exit == 0 || exit == 130 || exit == 143 ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    static List<String> command(Path jar, Path home) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        Locale locale = Locale.getDefault();
        command.add("-Duser.language=" + locale.getLanguage());
        if (!locale.getCountry().isEmpty()) {
            command.add("-Duser.country=" + locale.getCountry());
        }
        for (String name : System.getProperties().stringPropertyNames()) {
            for (String prefix : JAVAFX_PROPERTY_PREFIXES) {
                if (name.startsWith(prefix)) {
                    command.add("-D" + name + "=" + System.getProperty(name));
                }
            }
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--home");
        command.add(home.toString());
        return command;
    }

    /** The desktop app's jar: named by ./wallet (wallet.desktop.jar), else beside this command in the source tree. */
    static Path desktopJar() throws IOException {
        return Programs.jar("wallet.desktop.jar", "../../desktop/target/wallet-desktop.jar", "NO_DESKTOP_JAR",
                "error.noDesktopJar");
    }
}
