package nl.learnerwallet.desktop;

import java.util.Arrays;
import javafx.application.Application;

/**
 * The desktop app's entry point ({@code ./wallet desktop}, or the jar's main class). Apart from
 * {@link WalletApp} because JavaFX refuses to start an {@code Application} subclass as the main
 * class of a jar that has JavaFX on its class path rather than its module path.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(Messages.get("usage.help", DesktopOptions.USAGE));
            return;
        }
        try {
            // Checked here, where a refusal can still go to the terminal; the app reads them again.
            DesktopOptions.parse(Arrays.asList(args), System.getenv(), System.getProperty("user.home"));
        } catch (DesktopOptions.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(WalletApp.class, args);
    }
}
