package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.verify.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet import FILE}: stores everything that parses and is not tampered, each with its
 * status (expired, revoked and unmatched recipients included); refuses the rest, storing nothing.
 */
@Command(name = "import", description = "Import a credential from a file (VC-JWT, SD-JWT VC, Open Badge JSON or signed badge, baked PNG or SVG) or a hosted Open Badge URL.")
final class ImportCommand extends Subcommand implements Runnable {

    @Parameters(paramLabel = "FILE|URL", descriptionKey = "param.importSource", description = "The file to import, or the URL of a hosted Open Badge.")
    String source;

    @Override
    public void run() {
        WalletCommand root = root();
        byte[] input = Inputs.isUrl(source) ? null : Inputs.readFile(source);
        try (Wallet wallet = root.unlock()) {
            ImportResult result;
            try {
                result = input == null ? importUrl(wallet, root) : wallet.importCredential(input, root.home().trustList());
            } catch (CredentialRefusedException refused) {
                boolean tampered = refused.report().status() == nl.learnerwallet.model.verify.VerificationStatus.TAMPERED;
                if (root.json()) {
                    root.printJson(ReportJson.write(refused.report()));
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
                if (result.replaced() != null) {
                    document.put("replaced", result.replaced());
                }
                root.printJson(document);
                return;
            }
            Reports.printImported(root.out(), result);
            if (result.replaced() != null) {
                root.out().println("  " + Messages.get("import.replaced", result.replaced()));
            }
        }
    }

    /** A hosted OB 2.0 assertion by its URL, fetched through the guarded fetcher; fetch failures exit 3. */
    private ImportResult importUrl(Wallet wallet, WalletCommand root) {
        return wallet.importUrl(source, root.home().trustList());
    }
}
