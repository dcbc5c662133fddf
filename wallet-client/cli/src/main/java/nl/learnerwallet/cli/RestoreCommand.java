package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.keys.InvalidRecoveryCodeException;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wallet restore --server URL --recovery-code CODE}: the wallet back on a new device. */
@Command(name = "restore", description = "Restore your wallet on this device from your server's backup, with your recovery code.")
final class RestoreCommand extends Subcommand implements Runnable {

    @Option(names = "--server", required = true, paramLabel = "URL", descriptionKey = "option.server",
            description = "The wallet server, e.g. http://localhost:8080.")
    String server;

    @Mixin
    RecoveryCodeOption recoveryCode = new RecoveryCodeOption();

    @Override
    public void run() {
        WalletCommand root = root();
        WalletHome home = root.home();
        if (home.hasWallet()) {
            throw new CliException(ExitCode.BAD_INPUT, "WALLET_EXISTS", Messages.get("error.walletExists", home.directory()));
        }
        String url = Servers.normalise(server);
        RecoveryCode code;
        try {
            code = RecoveryCode.parse(recoveryCode.text(root));
        } catch (InvalidRecoveryCodeException e) {
            throw new CliException(ExitCode.BAD_INPUT, "WRONG_RECOVERY_CODE", Messages.get("wallet.WRONG_RECOVERY_CODE"));
        }
        char[] passphrase = root.passphrases().chooseNew();
        RecordStore store = home.openStore(true);
        SyncService.Restored restored;
        try {
            restored = SyncService.restore(store, url, code, passphrase, root.context());
        } catch (ServerException e) {
            store.close();
            home.removeEmptyDatabase();
            if (e.problem() == ServerException.Problem.UNKNOWN_ACCOUNT || e.problem() == ServerException.Problem.NOT_AUTHENTIC) {
                throw new CliException(ExitCode.BAD_INPUT, "WRONG_RECOVERY_CODE", Messages.get("restore.wrongCode", url));
            }
            throw e;
        } catch (RuntimeException e) {
            store.close();
            home.removeEmptyDatabase();
            throw e;
        }
        try (Wallet wallet = restored.wallet()) {
            home.saveTrustList(restored.trustList());
            int count = wallet.credentials().size();
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("holder", wallet.holderDid());
                document.put("version", restored.version());
                document.put("credentials", count);
                root.printJson(document);
            } else {
                root.out().println(Messages.get("restore.done", count, restored.version(), home.directory()));
            }
        }
    }
}
