package nl.learnerwallet.server;

import io.micronaut.runtime.Micronaut;
import java.util.Map;
import nl.learnerwallet.server.ops.ServerTool;

/**
 * Starts wallet-server: accounts, end-to-end encrypted backups, shares and their pages. With
 * {@code admin ...} or {@code migrate-to ...} as arguments it runs that operator's command on the
 * server's database instead (see {@link ServerTool}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (ServerTool.handles(args)) {
            // Before anything logs: only warnings, and on stderr, beside the command's own output.
            System.setProperty("WALLET_LOG_LEVEL", "WARN");
            System.setProperty("WALLET_LOG_TARGET", "System.err");
            System.exit(new ServerTool(System.out, System.err, Map.of()).run(args));
        }
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
