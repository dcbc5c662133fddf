package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet export FILE [ID...]}: the credentials' originals, verbatim, with their cards and
 * statuses, as one portable JSON file for another wallet or an archive. No keys are exported.
 */
@Command(name = "export", description = "Export credentials (all, or the ids given) with their originals to a JSON file. Keys are never exported.")
final class ExportCommand extends Subcommand implements Runnable {

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "param.exportFile", description = "The file to write.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ID", descriptionKey = "param.exportIds", description = "Only these credentials.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--force", descriptionKey = "option.force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public void run() {
        WalletCommand root = root();
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCode.BAD_INPUT, "FILE_EXISTS", Messages.get("error.fileExists", file));
        }
        try (Wallet wallet = root.unlock()) {
            List<StoredCredential> chosen = new ArrayList<>();
            if (ids.isEmpty()) {
                chosen.addAll(wallet.credentials());
            } else {
                for (String id : ids) {
                    chosen.add(wallet.credential(id));
                }
            }
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("type", "LearnerWalletExport");
            document.put("version", 1);
            document.put("exportedAt", root.context().clock().instant().toString());
            document.put("holder", wallet.holderDid());
            ArrayNode credentials = document.putArray("credentials");
            for (StoredCredential credential : chosen) {
                ObjectNode each = Reports.detailJson(credential);
                each.put("original", new String(credential.original(), StandardCharsets.UTF_8));
                credentials.add(each);
            }
            try {
                WalletHome.writeAtomically(file, StrictJson.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(document));
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", file));
            }
            if (root.json()) {
                root.printJson(StrictJson.mapper().createObjectNode().put("file", file.toString()).put("count", chosen.size()));
            } else {
                root.out().println(Messages.get("export.done", chosen.size(), file));
            }
        }
    }
}
