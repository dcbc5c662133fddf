package nl.learnerwallet.desktop;

import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.home.WalletHome;
import nl.learnerwallet.model.fetch.FetchConfig;

/**
 * How the desktop app was started, read as the {@code wallet} command reads it: the folder from
 * {@code --home}, else {@code WALLET_HOME}, else {@code ~/.learner-wallet}; the passphrase from
 * {@code WALLET_PASSPHRASE} (else the app asks); loopback issuers only with
 * {@code WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true} (tests and the demo).
 *
 * @param passphrase the passphrase to try first, or null to ask
 */
public record DesktopOptions(WalletHome home, String passphrase, boolean allowPrivateNetworks) {

    /** The command line's shape, for {@code --help} and refusals. */
    public static final String USAGE = "wallet-desktop [--home DIR]";

    /** The arguments cannot be used; the message says why in one sentence. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @throws UsageException for an unknown argument or a {@code --home} without a usable folder
     */
    public static DesktopOptions parse(List<String> arguments, Map<String, String> environment, String userHome)
            throws UsageException {
        String homeOption = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--home") && i + 1 < arguments.size()) {
                homeOption = arguments.get(++i);
            } else if (argument.startsWith("--home=")) {
                homeOption = argument.substring("--home=".length());
            } else {
                throw new UsageException(Messages.get("usage.unknown", argument, USAGE));
            }
        }
        WalletHome home;
        try {
            home = WalletHome.locate(homeOption == null || homeOption.isEmpty() ? null : Paths.get(homeOption),
                    environment.get("WALLET_HOME"), userHome);
        } catch (InvalidPathException e) {
            throw new UsageException(Messages.get("usage.badHome", homeOption));
        }
        String passphrase = environment.get("WALLET_PASSPHRASE");
        return new DesktopOptions(home, passphrase == null || passphrase.isEmpty() ? null : passphrase,
                FetchConfig.parseAllow(environment.get("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS")));
    }

    @Override
    public String toString() {
        // Never the passphrase, should a record ever be logged.
        return "DesktopOptions[home=" + home.directory() + ", allowPrivateNetworks=" + allowPrivateNetworks + "]";
    }
}
