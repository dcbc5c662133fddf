package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet experience add|request}: work experience the learner adds themselves, shown as
 * self-declared, and the attestation request an employer signs back with {@code wallet issuer attest}.
 */
@Command(name = "experience", description = "Work experience you add yourself, and asking an employer to attest it.",
        subcommands = {ExperienceCommand.Add.class, ExperienceCommand.Request.class})
final class ExperienceCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "add", description = "Add a period of work yourself; it shows as self-declared until an employer attests it.")
    static final class Add extends Subcommand implements Runnable {

        @Option(names = "--employer", required = true, paramLabel = "EMPLOYER", descriptionKey = "option.employer",
                description = "Where you worked.")
        String employer;

        @Option(names = "--role", required = true, paramLabel = "ROLE", descriptionKey = "option.role",
                description = "Your role or job title.")
        String role;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM", descriptionKey = "option.from",
                description = "The month you started.")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM", descriptionKey = "option.to",
                description = "The month you stopped; leave it out while you still work there.")
        String to;

        @Option(names = "--description", paramLabel = "TEXT", descriptionKey = "option.description",
                description = "What you did there.")
        String description;

        @Option(names = "--skill", paramLabel = "SKILL", descriptionKey = "option.skill",
                description = "A skill you used; repeat for more.")
        List<String> skills = new ArrayList<>();

        @Override
        public void run() {
            WorkExperience experience = SelfDeclaredEntry.workExperience(employer, role, SelfDeclaredEntry.month("from", from),
                    to == null ? null : SelfDeclaredEntry.month("to", to), description, skills);
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                DeclaredEntries.printAdded(root, wallet.addWorkExperience(experience), "experience.next");
            }
        }
    }

    @Command(name = "request", description = "Write an attestation request for work experience you added, to send to the employer.")
    static final class Request extends Subcommand implements Runnable {

        @Parameters(paramLabel = "ID", descriptionKey = "param.experienceId",
                description = "The work experience's id (or its first characters).")
        String id;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.requestOut",
                description = "Write the request to FILE (default: attestation-request-ID.jwt here).")
        Path out;

        @Option(names = "--force", descriptionKey = "option.force", description = "Overwrite FILE if it exists.")
        boolean force;

        @Override
        public void run() {
            WalletCommand root = root();
            StoredCredential entry;
            String request;
            try (Wallet wallet = root.unlock()) {
                entry = wallet.credential(id);
                request = wallet.attestationRequest(entry.id());
            }
            Path file = out != null ? out : Paths.get("attestation-request-" + entry.id() + ".jwt");
            if (Files.exists(file) && !force) {
                throw new CliException(ExitCode.BAD_INPUT, "FILE_EXISTS", Messages.get("error.fileExists", file));
            }
            try {
                WalletHome.writeAtomically(file, (request + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", file));
            }
            String link = AttestationRequest.LINK_PREFIX + request;
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("id", entry.id());
                document.put("file", file.toString());
                document.put("link", link);
                root.printJson(document);
                return;
            }
            root.out().println(Messages.get("experience.requestWritten", entry.card().title(), entry.card().awardingBody(), file));
            root.out().println(Messages.get("experience.requestSend", entry.card().awardingBody()));
            root.out().println();
            root.out().println(link);
        }
    }
}
