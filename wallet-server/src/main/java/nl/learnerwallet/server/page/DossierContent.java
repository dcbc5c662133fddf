package nl.learnerwallet.server.page;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.exemption.DossierAnalysis;
import nl.learnerwallet.model.exemption.DossierAnalysis.CredentialAnalysis;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.server.dossier.ShownDecision;
import nl.learnerwallet.server.page.DossierBlock.Heading;
import nl.learnerwallet.server.page.DossierBlock.Item;
import nl.learnerwallet.server.page.DossierBlock.Items;
import nl.learnerwallet.server.page.DossierBlock.Paragraph;
import nl.learnerwallet.server.page.DossierBlock.Table;

/**
 * What an exemption dossier says, in blocks the page and the PDF both render: the summary, the
 * decisions, and per credential the EU elements, the framework points and the outcomes beside the
 * course's. Every value here comes from the credentials, the learner or a committee: untrusted
 * text, escaped by whoever renders it.
 */
final class DossierContent {

    private DossierContent() {
    }

    /** The top of the dossier: what is asked, how much of it holds up, and the latest decision. */
    static List<DossierBlock> summary(DossierAnalysis analysis, List<ShownDecision> decisions, PageText text) {
        ExemptionRequest request = analysis.request();
        List<DossierBlock> blocks = new ArrayList<>();
        blocks.add(new Paragraph(text.get("dossier.request", request.courseCode(), request.courseName(), request.institution()),
                "request"));
        List<Item> facts = new ArrayList<>();
        facts.add(new Item(text.get("page.summary", analysis.credentials().size(), analysis.genuine()),
                analysis.genuine() == analysis.credentials().size() ? "ok" : "unsure"));
        if (analysis.revoked() > 0) {
            facts.add(new Item(text.get("dossier.summaryRevoked", analysis.revoked()), "bad"));
        }
        facts.add(new Item(text.get("dossier.summaryPoints", analysis.pointsMet(), analysis.pointsChecked()), "plain"));
        ShownDecision latest = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        if (latest == null || latest.decision() == null) {
            facts.add(new Item(text.get(latest == null ? "dossier.noDecision" : "decision.unreadable"), "plain"));
        } else {
            // The verdict first: a decision counts for what its signature and issuer say, not for what it claims.
            VerificationStatus verdict = latest.report().status();
            facts.add(new Item(text.get("dossier.latestDecision", latest.number(), outcome(latest.decision(), text),
                    day(latest.decision(), text)) + " — " + text.get("verdict." + verdict.name()),
                    verdict == VerificationStatus.VERIFIED ? "plain" : "bad"));
        }
        blocks.add(new Items("summary-facts", facts));
        List<String> course = new ArrayList<>();
        if (request.courseEqf() != null) {
            course.add(text.get("dossier.courseLevel") + ": EQF " + request.courseEqf());
        }
        if (request.courseStudyLoad() != null) {
            course.add(text.get("dossier.courseLoad") + ": " + request.courseStudyLoad());
        }
        if (!course.isEmpty()) {
            blocks.add(new Paragraph(String.join(" · ", course), "course"));
        }
        if (request.motivation() != null && !request.motivation().trim().isEmpty()) {
            blocks.add(new Paragraph(text.get("dossier.motivation") + ": " + request.motivation(), "motivation"));
        }
        return blocks;
    }

    /** Every decision in order, with its verdict, outcome, date, grounds, body, appeal and what it follows. */
    static List<DossierBlock> decisions(List<ShownDecision> decisions, TrustList trustList, PageText text) {
        List<DossierBlock> blocks = new ArrayList<>();
        blocks.add(new Heading(2, text.get("dossier.decisions")));
        if (decisions.isEmpty()) {
            blocks.add(new Paragraph(text.get("dossier.noDecision"), "plain"));
            return blocks;
        }
        for (ShownDecision shown : decisions) {
            ExemptionDecision decision = shown.decision();
            blocks.add(new Heading(3, text.get("decision.heading", shown.number())
                    + (decision == null ? "" : ": " + outcome(decision, text))));
            VerificationStatus status = shown.report().status();
            blocks.add(new Paragraph(decisionVerdict(shown, trustList, text), "verdict status-" + SharePage.statusClass(status)));
            if (decision == null) {
                blocks.add(new Paragraph(text.get("decision.unreadable"), "bad"));
                continue;
            }
            if (shown.followsNumber() != null) {
                blocks.add(new Paragraph(text.get("decision.follows", shown.followsNumber()), "follows"));
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(Arrays.asList(text.get("decision.date"), day(decision, text)));
            rows.add(Arrays.asList(text.get("decision.decidingBody"), decision.decidingBody()));
            if (decision.institution() != null) {
                rows.add(Arrays.asList(text.get("decision.institution"), decision.institution()));
            }
            if (!decision.grantedOutcomes().isEmpty()) {
                rows.add(Arrays.asList(text.get("decision.grantedOutcomes"), String.join("; ", decision.grantedOutcomes())));
            }
            rows.add(Arrays.asList(text.get("decision.grounds"), decision.grounds()));
            rows.add(Arrays.asList(text.get("decision.appeal"), text.get("decision.appealRoute") + " " + decision.appeal()));
            rows.add(Arrays.asList(text.get("decision.receivedAt"), SharePage.when(shown.receivedAt(), text)));
            blocks.add(new Table("decision-terms", new ArrayList<>(), rows));
        }
        return blocks;
    }

    /** A credential's dossier part: the EU checklist, the framework points, the outcomes beside the course's. */
    static List<DossierBlock> credential(CredentialAnalysis analysis, ExemptionRequest request, PageText text) {
        List<DossierBlock> blocks = new ArrayList<>();
        blocks.add(new Heading(3, text.get("dossier.elements")));
        List<Item> elements = new ArrayList<>();
        for (DossierAnalysis.ElementCheck check : analysis.elements()) {
            String name = text.get("element." + check.element().id());
            String state = text.get(check.present() ? "dossier.present" : "dossier.missing");
            String optional = check.element().mandatory() ? "" : " " + text.get("dossier.optional");
            elements.add(new Item(name + optional + ": " + state,
                    check.present() ? "present" : check.element().mandatory() ? "missing" : "absent"));
        }
        blocks.add(new Items("checklist", elements));

        blocks.add(new Heading(3, text.get("dossier.framework")));
        List<List<String>> points = new ArrayList<>();
        for (DossierAnalysis.PointCheck point : analysis.points()) {
            points.add(Arrays.asList(text.get("point." + point.point().id()),
                    point.credentialValue() == null ? "—" : point.credentialValue(),
                    point.courseValue() == null ? "—" : point.courseValue(), text.get("framework." + point.verdict().id())));
        }
        blocks.add(new Table("framework", Arrays.asList(text.get("dossier.point"), text.get("dossier.thisCredential"),
                text.get("dossier.course"), text.get("dossier.verdict")), points));

        blocks.add(new Heading(3, text.get("dossier.outcomesSideBySide")));
        List<List<String>> outcomes = new ArrayList<>();
        List<String> mine = analysis.learningOutcomes();
        List<String> course = request.courseOutcomes();
        for (int i = 0; i < Math.max(mine.size(), course.size()); i++) {
            outcomes.add(Arrays.asList(i < mine.size() ? mine.get(i) : "", i < course.size() ? course.get(i) : ""));
        }
        if (outcomes.isEmpty()) {
            blocks.add(new Paragraph(text.get("dossier.noOutcomes"), "plain"));
        } else {
            blocks.add(new Table("outcomes", Arrays.asList(text.get("dossier.thisCredential"),
                    text.get("dossier.courseNamed", request.courseName())), outcomes));
        }
        return blocks;
    }

    /** For the PDF, which has no card: what the page's card says about a credential. */
    static List<DossierBlock> facts(CredentialAnalysis analysis, TrustList trustList, PageText text) {
        List<DossierBlock> blocks = new ArrayList<>();
        CredentialCard card = analysis.card();
        blocks.add(new Heading(2, (card == null || card.title() == null ? text.get("page.untitled") : card.title())
                + (card == null ? "" : " (" + text.get("kind." + card.kind().name()) + ")")));
        blocks.add(new Paragraph(text.get("verdict." + analysis.status().name()),
                "verdict status-" + SharePage.statusClass(analysis.status())));
        if (card == null) {
            return blocks;
        }
        List<List<String>> rows = new ArrayList<>();
        TrustEntry trusted = trustList.find(card.issuerId());
        String issuer = card.awardingBody() != null ? card.awardingBody() : card.issuerId();
        add(rows, text.get("card.issuer"), issuer == null ? null : issuer + " — " + (trusted == null
                ? text.get("card.issuerNotTrusted") : text.get("card.issuerTrusted", trusted.name())));
        add(rows, text.get("card.level"), card.level().isEmpty() ? null : card.level().toString());
        add(rows, text.get("card.studyLoad"), card.studyLoad() == null ? null : card.studyLoad().toString());
        add(rows, text.get("card.assessment"), card.assessmentType());
        add(rows, text.get("card.participation"), card.participationForm());
        add(rows, text.get("card.supervision"), card.supervisionAndIdentityVerification());
        add(rows, text.get("card.qualityAssurance"), card.qualityAssurance());
        blocks.add(new Table("card-terms", new ArrayList<>(), rows));
        return blocks;
    }

    private static void add(List<List<String>> rows, String name, String value) {
        if (value != null && !value.isEmpty()) {
            rows.add(Arrays.asList(name, value));
        }
    }

    private static String decisionVerdict(ShownDecision shown, TrustList trustList, PageText text) {
        VerificationStatus status = shown.report().status();
        String who = shown.card() == null ? null : shown.card().awardingBody() != null ? shown.card().awardingBody()
                : shown.card().issuerId();
        if (status == VerificationStatus.UNKNOWN_ISSUER) {
            return text.get("decision.unknownInstitution", who == null ? "?" : who);
        }
        TrustEntry trusted = shown.card() == null ? null : trustList.find(shown.card().issuerId());
        String verdict = text.get("decision.verdict." + (status == VerificationStatus.VERIFIED ? "ok" : "other"),
                text.get("verdict." + status.name()));
        return trusted == null ? verdict : verdict + " (" + trusted.name() + ")";
    }

    static String outcome(ExemptionDecision decision, PageText text) {
        String outcome = text.get("decision.outcome." + decision.decision().id());
        if (decision.decision() == ExemptionDecision.Outcome.PARTLY_GRANTED) {
            outcome += " — " + text.get("decision.grantedOutcomes") + ": " + String.join("; ", decision.grantedOutcomes());
        }
        return outcome;
    }

    private static String day(ExemptionDecision decision, PageText text) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(text.locale()).format(decision.date());
    }
}
