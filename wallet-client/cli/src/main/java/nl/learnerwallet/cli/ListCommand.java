package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;

/** {@code wallet list}: every credential with its kind and status. */
@Command(name = "list", description = "List your credentials with their kind and status.")
final class ListCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        WalletCommand root = root();
        try (Wallet wallet = root.unlock()) {
            // Verification of stored VC-JWTs needs no network: refresh so trust and expiry are current.
            List<StoredCredential> credentials = wallet.refreshOffline(root.home().trustList());
            if (root.json()) {
                ArrayNode document = StrictJson.mapper().createArrayNode();
                for (StoredCredential credential : credentials) {
                    document.add(Reports.summaryJson(credential));
                }
                root.printJson(document);
                return;
            }
            if (credentials.isEmpty()) {
                root.out().println(Messages.get("list.empty"));
                return;
            }
            root.out().printf("%-10s  %-22s  %-14s  %s%n", "ID", Messages.get("list.kind"), Messages.get("list.status"),
                    Messages.get("list.title"));
            for (StoredCredential credential : credentials) {
                String issuer = credential.card().awardingBody() == null ? "" : " — " + credential.card().awardingBody();
                root.out().printf("%-10s  %-22s  %-14s  %s%s%n", credential.id(), Reports.kind(credential.card().kind()),
                        credential.report().status().name(), credential.card().title(), issuer);
            }
        }
    }
}
