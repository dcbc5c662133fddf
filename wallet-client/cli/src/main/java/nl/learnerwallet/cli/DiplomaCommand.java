package nl.learnerwallet.cli;

import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wallet diploma add}: a diploma the learner adds themselves, shown as self-declared. A
 * diploma the institution signed, imported with {@code wallet import}, counts for more.
 */
@Command(name = "diploma", description = "Diplomas you add yourself.", subcommands = DiplomaCommand.Add.class)
final class DiplomaCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "add", description = "Add a diploma yourself; it shows as self-declared, not signed by the institution.")
    static final class Add extends Subcommand implements Runnable {

        @Option(names = "--institution", required = true, paramLabel = "INSTITUTION", descriptionKey = "option.institution",
                description = "The school, college or university that awarded it.")
        String institution;

        @Option(names = "--programme", required = true, paramLabel = "PROGRAMME", descriptionKey = "option.programme",
                description = "The programme, e.g. HBO-ICT.")
        String programme;

        @Option(names = "--programme-code", paramLabel = "CODE", descriptionKey = "option.programmeCode",
                description = "The programme's code in the Dutch registers: \"CROHO 34479\" (hbo/wo) or \"CREBO 25180\" (mbo).")
        String programmeCode;

        @Option(names = "--eqf", paramLabel = "N", descriptionKey = "option.eqf", description = "The EQF level, 1 to 8.")
        Integer eqf;

        @Option(names = "--nlqf", paramLabel = "LEVEL", descriptionKey = "option.nlqf",
                description = "The NLQF level, 1 to 8 or entry.")
        String nlqf;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "option.date",
                description = "The day it was awarded.")
        String date;

        @Option(names = "--grade", paramLabel = "GRADE", descriptionKey = "option.grade",
                description = "The grade or judgement, e.g. 7,8 or cum laude.")
        String grade;

        @Override
        public void run() {
            SelfDeclaredEntry.Diploma diploma = SelfDeclaredEntry.Diploma.of(institution, programme, programmeCode, eqf, nlqf,
                    SelfDeclaredEntry.day("date", date), grade);
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                DeclaredEntries.printAdded(root, wallet.addDiploma(diploma), "diploma.next");
            }
        }
    }
}
