package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;

/**
 * {@code wallet backup} and {@code wallet sync}: upload the encrypted wallet; sync first fetches
 * and merges what other devices uploaded. A backup that finds another device got there first merges too.
 */
final class BackupCommand {

    private BackupCommand() {
    }

    @Command(name = "backup", description = "Upload an end-to-end encrypted backup of the whole wallet to your server.")
    static final class Backup extends Subcommand implements Runnable {
        @Override
        public void run() {
            perform(root(), false);
        }
    }

    @Command(name = "sync", description = "Fetch what your other devices backed up, merge it item by item, and upload the merge.")
    static final class Sync extends Subcommand implements Runnable {
        @Override
        public void run() {
            perform(root(), true);
        }
    }

    private static void perform(WalletCommand root, boolean sync) {
        WalletHome home = root.home();
        try (Wallet wallet = root.unlock()) {
            SyncService service = new SyncService(wallet, SyncService.clientFor(wallet, root.context()), root.context());
            SyncService.Outcome outcome = sync ? service.sync(home.trustList()) : service.backup(home.trustList());
            home.saveTrustList(outcome.trustList());
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("version", outcome.version());
                document.put("uploaded", outcome.uploaded());
                document.put("fromServer", outcome.fromServer());
                document.put("deletedOnServer", outcome.deletedOnServer());
                document.put("conflicts", outcome.conflicts());
                root.printJson(document);
                return;
            }
            if (outcome.fromServer() > 0 || outcome.deletedOnServer() > 0 || outcome.conflicts() > 0) {
                root.out().println(Messages.get("sync.merged", outcome.fromServer(), outcome.deletedOnServer(), outcome.conflicts()));
            }
            root.out().println(Messages.get(outcome.uploaded() ? "backup.uploaded" : "sync.upToDate", outcome.version()));
        }
    }
}
