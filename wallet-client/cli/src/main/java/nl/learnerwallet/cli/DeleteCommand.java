package nl.learnerwallet.cli;

import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wallet delete ID}: removes a credential, leaving a tombstone so no device brings it back. */
@Command(name = "delete", description = "Delete a credential from the wallet.")
final class DeleteCommand extends Subcommand implements Runnable {

    @Parameters(paramLabel = "ID", descriptionKey = "param.credentialId", description = "The credential's id (or its first characters).")
    String id;

    @Override
    public void run() {
        WalletCommand root = root();
        try (Wallet wallet = root.unlock()) {
            StoredCredential credential = wallet.credential(id);
            wallet.delete(credential.id());
            if (root.json()) {
                root.printJson(StrictJson.mapper().createObjectNode().put("id", credential.id()).put("deleted", true));
            } else {
                root.out().println(Messages.get("delete.done", credential.card().title(), credential.id()));
            }
        }
    }
}
