package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.card.CardJson;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.ReportJson;
import nl.learnerwallet.model.verify.VerificationReport;

/** How cards and verification reports read on the terminal and in {@code --json}. */
final class Reports {

    private Reports() {
    }

    static ObjectNode summaryJson(StoredCredential credential) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("id", credential.id());
        CredentialCard card = credential.card();
        node.put("title", card.title());
        node.put("issuer", card.awardingBody() != null ? card.awardingBody() : card.issuerId());
        node.put("kind", card.kind().name());
        node.put("format", credential.format().id());
        node.put("status", credential.report().status().name());
        return node;
    }

    static ObjectNode detailJson(StoredCredential credential) {
        ObjectNode node = summaryJson(credential);
        node.put("importedAt", credential.importedAt().toString());
        node.set("card", CardJson.write(credential.card()));
        node.set("checks", ReportJson.write(credential.report()).get("checks"));
        return node;
    }

    /** What {@code import} and {@code receive} say of a stored credential: stored (or already there), its kind and status. */
    static void printImported(java.io.PrintWriter out, nl.learnerwallet.client.wallet.ImportResult result) {
        StoredCredential credential = result.credential();
        out.println(Messages.get(result.alreadyPresent() ? "import.alreadyPresent" : "import.stored",
                credential.card().title(), credential.id()));
        out.println("  " + kind(credential.card().kind()) + " · " + credential.report().status().name()
                + " (" + verdict(credential.report()) + ")");
    }

    static String verdict(VerificationReport report) {
        return Messages.get("status." + report.status().name());
    }

    static String kind(CredentialKind kind) {
        return Messages.get("kind." + kind.name());
    }

    static void printChecks(PrintWriter out, VerificationReport report) {
        out.println(Messages.get("report.status", report.status().name(), verdict(report)));
        for (CheckResult check : report.checks()) {
            String reason = Messages.getOr("reason." + check.reason().name(), check.reason().name());
            out.printf("  %-13s %-13s %s%n", check.check().id(), Messages.get("outcome." + check.outcome().id()), reason);
        }
    }

    static void printCard(PrintWriter out, CredentialCard card) {
        printCard(out, card, true);
    }

    /**
     * @param completeness whether to judge the EU elements: not for a selective presentation, where
     *     an element not shown may simply have been withheld
     */
    static void printCard(PrintWriter out, CredentialCard card, boolean completeness) {
        out.println(card.title() == null ? Messages.get("card.untitled") : card.title());
        line(out, "card.kind", kind(card.kind()) + (card.selfDeclared() ? " (" + Messages.get("card.selfDeclared") + ")" : ""));
        if (card.selfDeclared()) {
            // What the learner said: an employer or institution named, not an issuer that signed.
            line(out, card.kind() == CredentialKind.WORK_EXPERIENCE ? "card.employer" : "card.institution",
                    card.awardingBody() + " (" + Messages.get("card.asDeclared") + ")");
        } else {
            line(out, "card.issuer", card.awardingBody() == null ? card.issuerId()
                    : card.issuerId() == null ? card.awardingBody() : card.awardingBody() + "  " + card.issuerId());
        }
        line(out, "card.country", card.issuerCountry());
        line(out, "card.learner", card.learner());
        if (card.workPeriod() != null) {
            line(out, "card.period", card.workPeriod().to() == null ? Messages.get("card.periodOngoing", card.workPeriod().from())
                    : card.workPeriod().from() + " – " + card.workPeriod().to());
        }
        if (card.selfDeclared() && card.issuedOn() != null) {
            line(out, "card.awarded", card.issuedOn().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        } else {
            line(out, "card.issued", card.issuedOn() == null ? null : card.issuedOn().toString());
        }
        line(out, "card.expires", card.expiresOn() == null ? null : card.expiresOn().toString());
        line(out, "card.programmeCode", card.programmeCode());
        line(out, "card.level", card.level().isEmpty() ? null : card.level().toString());
        line(out, "card.studyLoad", card.studyLoad() == null ? null : card.studyLoad().toString());
        line(out, "card.assessment", card.assessmentType());
        line(out, "card.participation", card.participationForm());
        line(out, "card.qualityAssurance", card.qualityAssurance());
        line(out, "card.supervision", card.supervisionAndIdentityVerification());
        line(out, "card.grade", card.grade());
        line(out, "card.stackability", card.integrationStackability());
        line(out, "card.language", card.language());
        line(out, "card.disclosable", card.disclosableClaims().isEmpty() ? null : String.join(", ", card.disclosableClaims()));
        if (card.kind() == CredentialKind.WORK_EXPERIENCE) {
            line(out, "card.description", card.description());
        }
        if (!card.learningOutcomes().isEmpty()) {
            // Work experience lists the skills the learner names where other credentials list outcomes.
            out.println("  " + Messages.get(card.kind() == CredentialKind.WORK_EXPERIENCE ? "card.skills"
                    : "card.learningOutcomes") + ":");
            for (String outcome : card.learningOutcomes()) {
                out.println("    - " + outcome);
            }
        }
        if (card.kind() == CredentialKind.MICROCREDENTIAL && completeness) {
            List<EuStandardElement> missing = Completeness.missingMandatory(card);
            if (missing.isEmpty()) {
                out.println("  " + Messages.get("card.euComplete"));
            } else {
                StringBuilder names = new StringBuilder();
                for (EuStandardElement element : missing) {
                    names.append(names.length() == 0 ? "" : ", ").append(Messages.get("eu." + element.id()));
                }
                out.println("  " + Messages.get("card.euMissing", names));
            }
        }
    }

    private static void line(PrintWriter out, String key, String value) {
        if (value != null) {
            out.printf("  %-22s %s%n", Messages.get(key) + ":", value);
        }
    }
}
