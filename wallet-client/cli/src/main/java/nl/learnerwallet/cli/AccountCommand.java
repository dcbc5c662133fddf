package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wallet account register|delete}: the wallet's account on a wallet server. */
@Command(name = "account", description = "Your account on a wallet server, which keeps your end-to-end encrypted backup.",
        subcommands = {AccountCommand.Register.class, AccountCommand.Delete.class})
final class AccountCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "register", description = "Register this wallet with a server (no password: the account key proves it is yours).")
    static final class Register extends Subcommand implements Runnable {

        @Option(names = "--server", required = true, paramLabel = "URL", descriptionKey = "option.server",
                description = "The wallet server, e.g. http://localhost:8080.")
        String server;

        @Override
        public void run() {
            WalletCommand root = root();
            String url = Servers.normalise(server);
            try (Wallet wallet = root.unlock()) {
                ServerClient client = new ServerClient(url, wallet.accountKey(), root.context().clock(), root.context().random());
                boolean created = client.register();
                wallet.putSetting(SyncService.SERVER_URL, url);
                if (root.json()) {
                    ObjectNode document = StrictJson.mapper().createObjectNode();
                    document.put("server", url);
                    document.put("account", wallet.accountKey().publicKey());
                    document.put("created", created);
                    root.printJson(document);
                } else {
                    root.out().println(Messages.get(created ? "account.registered" : "account.alreadyRegistered", url));
                }
            }
        }
    }

    @Command(name = "delete", description = "Delete your account and every backup of it from the server.")
    static final class Delete extends Subcommand implements Runnable {

        @Override
        public void run() {
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                ServerClient client = SyncService.clientFor(wallet, root.context());
                String url = wallet.setting(SyncService.SERVER_URL);
                client.deleteAccount();
                wallet.putSetting(SyncService.SERVER_URL, null);
                wallet.setLastSeenBackupVersion(0);
                if (root.json()) {
                    root.printJson(StrictJson.mapper().createObjectNode().put("server", url).put("deleted", true));
                } else {
                    root.out().println(Messages.get("account.deleted", url));
                }
            }
        }
    }
}
