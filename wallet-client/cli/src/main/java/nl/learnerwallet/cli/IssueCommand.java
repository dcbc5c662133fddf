package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.issuer.AchievementKind;
import nl.learnerwallet.issuer.CredentialIssuer;
import nl.learnerwallet.issuer.IssueFormat;
import nl.learnerwallet.issuer.IssueRequest;
import nl.learnerwallet.issuer.IssueResult;
import nl.learnerwallet.issuer.IssuerException;
import nl.learnerwallet.issuer.Organisation;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code wallet issuer issue DIR ...}: signs one credential for the organisation in DIR. The fields
 * come from the options, or from {@code --from FILE.json} (the option names without their dashes as
 * keys), options given as well winning. Prints the credential's id; {@code --json}:
 * {@code {id, file, kind, format}}.
 */
@Command(name = "issue", description = "Issue a credential: an OB 3.0 VC-JWT, or an SD-JWT VC whose claims the learner discloses one by one.")
final class IssueCommand extends Subcommand implements Runnable {

    @Mixin
    IssuerCommand.OrganisationFolder folder;

    @Option(names = "--kind", paramLabel = "KIND", descriptionKey = "option.kind",
            description = "microcredential, badge, extracurricular, diploma, work-experience or exemption-decision.")
    String kind;

    @Option(names = "--format", paramLabel = "vc-jwt|sd-jwt", descriptionKey = "option.format",
            description = "vc-jwt (default): an Open Badges 3.0 credential; sd-jwt: an SD-JWT VC bound to the learner's key.")
    String format;

    @Option(names = "--to", paramLabel = "DID|EMAIL", descriptionKey = "option.issue.to",
            description = "The learner: their DID, or an e-mail address (only its salted hash goes in a VC-JWT). An SD-JWT needs their did:jwk.")
    String to;

    @Option(names = "--title", paramLabel = "T", descriptionKey = "option.title", description = "The title.")
    String title;

    @Option(names = "--description", paramLabel = "D", descriptionKey = "option.issue.description", description = "What it certifies.")
    String description;

    @Option(names = "--outcome", paramLabel = "TEXT", descriptionKey = "option.outcome",
            description = "A learning outcome; repeat for each.")
    List<String> outcomes = new ArrayList<>();

    @Option(names = "--ects", paramLabel = "N", descriptionKey = "option.ects", description = "Study load in EC (hbo, wo).")
    BigDecimal ects;

    @Option(names = "--sbu", paramLabel = "N", descriptionKey = "option.sbu", description = "Study load in SBU (mbo).")
    BigDecimal sbu;

    @Option(names = "--hours", paramLabel = "N", descriptionKey = "option.hours", description = "Study load in hours.")
    BigDecimal hours;

    @Option(names = "--eqf", paramLabel = "1-8", descriptionKey = "option.issue.eqf", description = "The EQF level.")
    Integer eqf;

    @Option(names = "--nlqf", paramLabel = "X", descriptionKey = "option.issue.nlqf", description = "The NLQF level: entry, or 1 to 8.")
    String nlqf;

    @Option(names = "--assessment", paramLabel = "T", descriptionKey = "option.assessment", description = "The type of assessment.")
    String assessment;

    @Option(names = "--participation", paramLabel = "T", descriptionKey = "option.participation",
            description = "The form of participation (online, on site, blended; full- or part-time).")
    String participation;

    @Option(names = "--quality-assurance", paramLabel = "T", descriptionKey = "option.qualityAssurance",
            description = "The type of quality assurance.")
    String qualityAssurance;

    @Option(names = "--prerequisites", paramLabel = "T", descriptionKey = "option.prerequisites", description = "Prerequisites.")
    String prerequisites;

    @Option(names = "--supervision", paramLabel = "T", descriptionKey = "option.supervision",
            description = "Supervision and identity verification during assessment.")
    String supervision;

    @Option(names = "--grade", paramLabel = "G", descriptionKey = "option.issue.grade", description = "The grade.")
    String grade;

    @Option(names = "--stackability", paramLabel = "T", descriptionKey = "option.stackability",
            description = "Integration and stackability: what it counts towards.")
    String stackability;

    @Option(names = "--further-info", paramLabel = "T", descriptionKey = "option.furtherInfo", description = "Further information.")
    String furtherInfo;

    @Option(names = "--programme-code", paramLabel = "\"CROHO 34479\"", descriptionKey = "option.issue.programmeCode",
            description = "A diploma's programme in the Dutch registers: CROHO (hbo, wo) or CREBO (mbo) and its number.")
    String programmeCode;

    @Option(names = "--given-name", paramLabel = "NAME", descriptionKey = "option.givenName",
            description = "SD-JWT only: the learner's given name (an SD-JWT identifies its learner by name).")
    String givenName;

    @Option(names = "--family-name", paramLabel = "NAME", descriptionKey = "option.familyName",
            description = "SD-JWT only: the learner's family name.")
    String familyName;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "option.issue.date",
            description = "The date of issue (default today); never in the future.")
    String date;

    @Option(names = "--valid-until", paramLabel = "YYYY-MM-DD", descriptionKey = "option.validUntil",
            description = "The last day it is valid (default: no end).")
    String validUntil;

    @Option(names = "--status", descriptionKey = "option.status",
            description = "Give it an entry in the organisation's status list, so that it can be revoked.")
    boolean status;

    @Option(names = "--from", paramLabel = "FILE.json", descriptionKey = "option.issue.from",
            description = "Read the fields from a JSON object whose keys are these options' names without dashes: "
                    + "kind, format, to, title, description, outcome (a list), ects|sbu|hours, eqf, nlqf, assessment, "
                    + "participation, quality-assurance, prerequisites, supervision, grade, stackability, further-info, "
                    + "programme-code, given-name, family-name, date, valid-until, status (true/false). Options given as well win.")
    String from;

    @Option(names = "--allow-incomplete", descriptionKey = "option.allowIncomplete",
            description = "Issue a microcredential that lacks mandatory EU standard elements anyway (with a warning).")
    boolean allowIncomplete;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.issueOut",
            description = "Write the credential here (default DIR/issued/ID.jwt or .sd-jwt); never over an existing file.")
    Path out;

    @Override
    public void run() {
        WalletCommand root = root();
        Organisation organisation = folder.open();
        IssueRequest request = request();
        IssueResult issued;
        try {
            issued = new CredentialIssuer(IssuerCommand.clock(root), root.context().random()).issue(organisation, request, out);
        } catch (IssuerException refused) {
            if (refused.problem() == IssuerException.Problem.INCOMPLETE_MICROCREDENTIAL
                    && lacksLearnerName(refused.arguments(), request.format())) {
                throw new CliException(ExitCode.BAD_INPUT, refused.problem().name(),
                        IssuerCommand.sentence(refused) + " " + Messages.get("issuer.sdJwtLearnerHint"));
            }
            throw refused;
        }
        if (!issued.missing().isEmpty()) {
            List<String> missing = IssuerCommand.ids(issued.missing());
            root.err().println(Messages.get("issuer.incompleteWarning", IssuerCommand.elements(missing))
                    + (lacksLearnerName(missing, request.format()) ? " " + Messages.get("issuer.sdJwtLearnerHint") : ""));
        }
        if (issued.shownAsOtherKind()) {
            root.err().println(Messages.get("issuer.shownAs", Messages.get("kind." + issued.card().kind().name())));
        }
        if (root.json()) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("id", issued.id());
            document.put("file", issued.file().toString());
            document.put("kind", issued.kind().id());
            document.put("format", issued.format().id());
            root.printJson(document);
            return;
        }
        root.out().println(issued.id());
    }

    private IssueRequest request() {
        IssueRequest.Builder builder = from != null ? IssueRequest.fromJson(Inputs.readFile(from)) : IssueRequest.builder();
        if (kind != null) {
            builder.kind(AchievementKind.of(kind));
        }
        if (format != null) {
            builder.format(IssueFormat.of(format));
        }
        if (to != null) {
            builder.to(to);
        }
        if (!outcomes.isEmpty()) {
            builder.outcomes(outcomes);
        }
        StudyLoad load = studyLoad();
        if (load != null) {
            builder.studyLoad(load);
        }
        set(title, builder::title);
        set(description, builder::description);
        set(nlqf, builder::nlqf);
        set(assessment, builder::assessment);
        set(participation, builder::participation);
        set(qualityAssurance, builder::qualityAssurance);
        set(prerequisites, builder::prerequisites);
        set(supervision, builder::supervision);
        set(grade, builder::grade);
        set(stackability, builder::stackability);
        set(furtherInfo, builder::furtherInfo);
        set(programmeCode, builder::programmeCode);
        set(givenName, builder::givenName);
        set(familyName, builder::familyName);
        if (eqf != null) {
            builder.eqf(eqf);
        }
        if (date != null) {
            builder.date(IssueRequest.parseDate("date", date));
        }
        if (validUntil != null) {
            builder.validUntil(IssueRequest.parseDate("valid-until", validUntil));
        }
        if (status) {
            builder.status(true);
        }
        return builder.allowIncomplete(allowIncomplete).build();
    }

    /** At most one of --ects, --sbu and --hours, a number from 0. */
    private StudyLoad studyLoad() {
        int given = (ects != null ? 1 : 0) + (sbu != null ? 1 : 0) + (hours != null ? 1 : 0);
        if (given == 0) {
            return null;
        }
        BigDecimal amount = ects != null ? ects : sbu != null ? sbu : hours;
        if (given > 1 || amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_FIELD", Messages.get("issuer.field.study-load"));
        }
        return new StudyLoad(amount, ects != null ? StudyLoad.Unit.ECTS : sbu != null ? StudyLoad.Unit.SBU : StudyLoad.Unit.HOURS);
    }

    private static void set(String value, java.util.function.Consumer<String> field) {
        if (value != null) {
            field.accept(value);
        }
    }

    /** An SD-JWT that lacks its learner: worth saying how an SD-JWT names one. */
    private static boolean lacksLearnerName(List<String> missing, IssueFormat format) {
        return format == IssueFormat.SD_JWT && missing.contains(EuStandardElement.LEARNER_IDENTIFICATION.id());
    }
}
