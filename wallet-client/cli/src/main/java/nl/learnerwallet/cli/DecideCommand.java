package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.issuer.Decisions;
import nl.learnerwallet.issuer.IssueResult;
import nl.learnerwallet.issuer.IssueRequest;
import nl.learnerwallet.issuer.Organisation;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet issuer decide}: an exam committee's signed decision on an exemption dossier. Reads
 * the dossier (its page as JSON and the learner's presentation) through the guarded fetcher, signs
 * the decision with the organisation's key for the learner's holder DID, bound to the presentation's
 * hash, and sends it to the dossier ({@code POST DOSSIER_URL/decisions}).
 */
@Command(name = "decide", description = "Decide on a learner's exemption dossier: sign the decision and send it to the dossier's link.")
final class DecideCommand extends Subcommand implements Runnable {

    private static final String JWT = "application/jwt";

    @Mixin
    IssuerCommand.OrganisationFolder folder;

    @Parameters(index = "1", paramLabel = "DOSSIER_URL", descriptionKey = "param.dossierUrl",
            description = "The dossier's link, as the learner sent it (https://.../s/TOKEN).")
    String dossierUrl;

    @Option(names = "--decision", required = true, paramLabel = "granted|partly-granted|refused|more-information",
            descriptionKey = "option.decision", description = "What the committee decided.")
    String decision;

    @Option(names = "--granted-outcome", paramLabel = "TEXT", descriptionKey = "option.grantedOutcome",
            description = "A learning outcome of the course the exemption covers (partly-granted needs at least one; repeat for more).")
    List<String> grantedOutcomes = new ArrayList<>();

    @Option(names = "--grounds", required = true, paramLabel = "TEXT", descriptionKey = "option.grounds",
            description = "Why the committee decided so.")
    String grounds;

    @Option(names = "--deciding-body", required = true, paramLabel = "TEXT", descriptionKey = "option.decidingBody",
            description = "Who decided, e.g. \"Examencommissie HBO-ICT\".")
    String decidingBody;

    @Option(names = "--appeal", required = true, paramLabel = "TEXT", descriptionKey = "option.appeal",
            description = "How and within what time the learner can appeal.")
    String appeal;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", descriptionKey = "option.decisionDate",
            description = "The date of the decision (default today); never in the future.")
    String date;

    @Option(names = "--follows", paramLabel = "DECISION_ID", descriptionKey = "option.follows",
            description = "The decision this one follows (default: the latest the dossier lists, if any).")
    String follows;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.issueOut",
            description = "Write the credential here (default DIR/issued/ID.jwt).")
    Path out;

    @Override
    public void run() {
        WalletCommand root = root();
        Organisation organisation = folder.open();
        String base = dossierUrl.trim().replaceAll("/+$", "");
        // Everything the options can be wrong about is refused before the network is used.
        Decisions.Verdict verdict = new Decisions.Verdict(outcome(), grantedOutcomes,
                date == null ? null : IssueRequest.parseDate("date", date), grounds, decidingBody, appeal, follows);
        GuardedFetcher fetcher = root.context().fetcher();
        if (fetcher == null) {
            throw new FetchException(FetchProblem.UNREACHABLE, "this wallet has no network");
        }
        JsonNode page = page(fetcher, base);
        String presentation = new String(fetcher.fetch(base + "/presentation", false, "application/jwt, */*;q=0.1").body(),
                StandardCharsets.UTF_8);
        Decisions.Dossier dossier = Decisions.read(presentation);
        Decisions.checkPage(page, dossier);
        if (verdict.follows() == null) {
            String latest = Decisions.latestDecision(page);
            if (latest != null) {
                verdict = new Decisions.Verdict(verdict.outcome(), verdict.grantedOutcomes(), verdict.date(), verdict.grounds(),
                        verdict.decidingBody(), verdict.appeal(), latest);
            }
        }
        if (!root.json()) {
            describe(root, dossier);
        }
        Decisions.Decision signed = new Decisions(IssuerCommand.clock(root), root.context().random())
                .decide(organisation, dossier, verdict, out);
        IssueResult issued = signed.issued();
        int number = send(fetcher, base, issued);
        if (root.json()) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("id", issued.id());
            document.put("number", number);
            document.put("file", issued.file().toString());
            root.printJson(document);
            return;
        }
        root.out().println(Messages.get("decide.sent", number, issued.id(), issued.file()));
        if (signed.decision().follows() != null) {
            root.out().println(Messages.get("decide.follows", signed.decision().follows()));
        }
    }

    private ExemptionDecision.Outcome outcome() {
        try {
            return ExemptionDecision.Outcome.of(decision);
        } catch (UntrustedInputException e) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_DECISION", Messages.get("decide.badDecision", decision));
        }
    }

    private static JsonNode page(GuardedFetcher fetcher, String base) {
        byte[] body = fetcher.fetch(base, false, "application/json").body();
        try {
            JsonNode page = StrictJson.parse(body);
            if (page.isObject()) {
                return page;
            }
        } catch (UntrustedInputException e) {
            // Said below: an HTML page or anything else is not a dossier.
        }
        throw new CliException(ExitCode.BAD_INPUT, "NOT_A_DOSSIER", Messages.get("issuer.NOT_A_DOSSIER.json"));
    }

    /** What the learner asked, so the committee sees what it signs for. */
    private static void describe(WalletCommand root, Decisions.Dossier dossier) {
        ExemptionRequest request = dossier.request();
        root.out().println(Messages.get("decide.request", request.institution(), request.courseCode(), request.courseName(),
                dossier.holder()));
    }

    /** Posts the decision; the number the dossier gave it. */
    private static int send(GuardedFetcher fetcher, String base, IssueResult issued) {
        GuardedFetcher.Answer answer = fetcher.post(base + "/decisions", JWT,
                issued.credential().getBytes(StandardCharsets.US_ASCII), "application/json");
        JsonNode body = readable(answer.body());
        switch (answer.status()) {
            case 200:
            case 201:
                return body.path("number").asInt();
            case 409:
                throw new CliException(ExitCode.BAD_INPUT, "DECISION_CONFLICT",
                        Messages.get("decide.conflict", issued.file()));
            case 422:
                throw new CliException(ExitCode.BAD_INPUT, "DECISION_REFUSED", Messages.get("decide.refused",
                        body.path("message").asText(body.path("error").asText("")), issued.file()));
            default:
                throw new CliException(ExitCode.UNREACHABLE, "DECISION_NOT_SENT",
                        Messages.get("decide.notSent", answer.status(), issued.file()));
        }
    }

    private static JsonNode readable(byte[] body) {
        try {
            return StrictJson.parse(body);
        } catch (UntrustedInputException e) {
            return StrictJson.mapper().createObjectNode();
        }
    }
}
