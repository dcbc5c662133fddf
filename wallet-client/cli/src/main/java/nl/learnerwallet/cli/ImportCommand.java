package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet import FILE}: stores everything that parses and is not tampered, each with its
 * status (expired, revoked and unmatched recipients included); refuses the rest, storing nothing.
 */
@Command(name = "import", description = "Import a credential from a file (compact VC-JWT, or JSON holding one).")
final class ImportCommand extends Subcommand implements Runnable {

    @Parameters(paramLabel = "FILE|URL", descriptionKey = "param.importSource", description = "The file to import.")
    String source;

    @Override
    public void run() {
        WalletCommand root = root();
        if (Inputs.isUrl(source)) {
            throw Inputs.urlsNotYet();
        }
        byte[] input = Inputs.readFile(source);
        try (Wallet wallet = root.unlock()) {
            ImportResult result;
            try {
                result = wallet.importCredential(input, root.home().trustList());
            } catch (CredentialRefusedException refused) {
                boolean tampered = refused.report().status() == nl.learnerwallet.model.verify.VerificationStatus.TAMPERED;
                if (root.json()) {
                    root.printJson(Reports.reportJson(refused.report()));
                } else {
                    Reports.printChecks(root.err(), refused.report());
                }
                throw new CliException(tampered ? ExitCode.NOT_VERIFIED : ExitCode.BAD_INPUT,
                        refused.report().status().name(), Messages.get(tampered ? "import.tampered" : "import.malformed"));
            }
            StoredCredential credential = result.credential();
            if (root.json()) {
                ObjectNode document = Reports.summaryJson(credential);
                document.put("alreadyPresent", result.alreadyPresent());
                root.printJson(document);
                return;
            }
            root.out().println(Messages.get(result.alreadyPresent() ? "import.alreadyPresent" : "import.stored",
                    credential.card().title(), credential.id()));
            root.out().println("  " + Reports.kind(credential.card().kind()) + " · "
                    + credential.report().status().name() + " (" + Reports.verdict(credential.report()) + ")");
        }
    }
}
