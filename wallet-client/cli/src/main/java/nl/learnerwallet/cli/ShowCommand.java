package nl.learnerwallet.cli;

import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wallet show ID}: the card, the EU standard elements and the checks of one credential. */
@Command(name = "show", description = "Show one credential: what it certifies and how it checked out.")
final class ShowCommand extends Subcommand implements Runnable {

    @Parameters(paramLabel = "ID", descriptionKey = "param.credentialId", description = "The credential's id (or its first characters).")
    String id;

    @Override
    public void run() {
        WalletCommand root = root();
        try (Wallet wallet = root.unlock()) {
            StoredCredential credential = wallet.verify(id, root.home().trustList());
            if (root.json()) {
                root.printJson(Reports.detailJson(credential));
                return;
            }
            Reports.printCard(root.out(), credential.card());
            root.out().println("  " + Messages.get("card.format") + ": " + credential.format().id() + "  ·  id " + credential.id());
            Reports.printChecks(root.out(), credential.report());
        }
    }
}
