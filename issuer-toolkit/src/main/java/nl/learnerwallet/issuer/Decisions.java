package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.exemption.Dossiers;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * An exam committee's decisions on exemption dossiers: reads the dossier's presentation (the
 * learner's holder-signed {@code vp+jwt} with its {@code exemptionRequest}) and signs an OB 3.0
 * VC-JWT for the learner's holder DID, {@code achievementType} {@value ExemptionDecision#ACHIEVEMENT_TYPE},
 * named "Vrijstelling CODE NAME", with shared-model's {@link ExemptionDecision} as
 * {@code credentialSubject.exemptionDecision}, bound to the dossier by {@link Dossiers#hash} of the
 * presentation. A decision is never changed: a later one names the one it follows.
 */
public final class Decisions {

    private final CredentialIssuer issuer;

    public Decisions(Clock clock, SecureRandom random) {
        this.issuer = new CredentialIssuer(clock, random);
    }

    /**
     * A dossier as the committee read it: the presentation exactly as served, its hash, the
     * learner's holder DID (who signed it) and what they asked.
     */
    public record Dossier(String presentation, String hash, String holder, ExemptionRequest request) {
    }

    /**
     * What the committee decided, before it is bound to a dossier.
     *
     * @param date the date of the decision, or null for today (a date in the future is refused on issuing)
     * @param follows the id of the decision this one follows, or null for the first
     */
    public record Verdict(ExemptionDecision.Outcome outcome, List<String> grantedOutcomes, LocalDate date, String grounds,
            String decidingBody, String appeal, String follows) {

        /** @throws IssuerException {@code BAD_FIELD} [granted-outcome, grounds, deciding-body or appeal] */
        public Verdict {
            grantedOutcomes = grantedOutcomes == null ? Collections.<String>emptyList()
                    : Collections.unmodifiableList(new ArrayList<>(grantedOutcomes));
            if (outcome == null) {
                throw bad("decision", "a decision is granted, partly-granted, refused or more-information");
            }
            if (outcome == ExemptionDecision.Outcome.PARTLY_GRANTED && grantedOutcomes.isEmpty()) {
                throw bad("granted-outcome", "a partly granted exemption names the learning outcomes it grants");
            }
            for (String granted : grantedOutcomes) {
                if (granted == null || granted.trim().isEmpty()) {
                    throw bad("granted-outcome", "a granted learning outcome cannot be empty");
                }
            }
            requireText("grounds", grounds);
            requireText("deciding-body", decidingBody);
            requireText("appeal", appeal);
            follows = follows == null || follows.trim().isEmpty() ? null : follows.trim();
        }

        private static void requireText(String field, String value) {
            if (value == null || value.trim().isEmpty()) {
                throw bad(field, "a decision states its " + field);
            }
        }
    }

    /** A decision signed: the credential issued and the decision it carries. */
    public record Decision(ExemptionDecision decision, IssueResult issued) {
    }

    /**
     * Reads a dossier's presentation, as served at {@code /s/TOKEN/presentation}.
     *
     * @throws IssuerException {@code NOT_A_DOSSIER} [presentation] when it is not a holder-signed
     *     {@code vp+jwt}, [signature] when its signature does not hold, [request] when it carries no
     *     valid exemption request
     */
    public static Dossier read(String presentation) {
        HolderJwt.Checked checked = HolderJwt.verify(presentation.trim(), "vp+jwt", IssuerKeys.offline());
        if (!checked.valid()) {
            String what = checked.malformed() ? "presentation" : "signature";
            throw new IssuerException(IssuerException.Problem.NOT_A_DOSSIER, "the dossier's presentation is not a valid "
                    + "holder-signed presentation (" + checked.failure() + ")", what);
        }
        JsonNode request = checked.jwt().payload().path("exemptionRequest");
        try {
            return new Dossier(presentation, Dossiers.hash(presentation), checked.jwt().signer(),
                    ExemptionRequest.fromJson(request));
        } catch (UntrustedInputException e) {
            throw new IssuerException(IssuerException.Problem.NOT_A_DOSSIER, "the presentation carries no valid exemption "
                    + "request: " + e.getMessage(), e, "request");
        }
    }

    /**
     * Checks the dossier page's {@code dossierHash} (when it names one) against the presentation read.
     *
     * @throws IssuerException {@code DOSSIER_MISMATCH} [page hash, computed hash]
     */
    public static void checkPage(JsonNode page, Dossier dossier) {
        JsonNode named = page.path("dossierHash");
        if (named.isTextual() && !named.asText().equals(dossier.hash())) {
            throw new IssuerException(IssuerException.Problem.DOSSIER_MISMATCH, "the dossier page names another "
                    + "presentation than it serves", named.asText(), dossier.hash());
        }
    }

    /**
     * The id of the latest decision a dossier page (or {@code GET /s/TOKEN/decisions}) lists, or null
     * when there is none: the entry with the highest {@code number}, by its {@code id}, else the id of
     * its {@code credential}.
     *
     * @throws IssuerException {@code NOT_A_DOSSIER} [json] when a listed decision has no readable id
     */
    public static String latestDecision(JsonNode page) {
        JsonNode latest = null;
        for (JsonNode entry : page.path("decisions")) {
            if (latest == null || entry.path("number").asLong() >= latest.path("number").asLong()) {
                latest = entry;
            }
        }
        if (latest == null) {
            return null;
        }
        if (latest.path("id").isTextual()) {
            return latest.path("id").asText();
        }
        try {
            JsonNode payload = CompactJws.parse(latest.path("credential").asText(""), HolderJwt.MAX_LENGTH).payload();
            JsonNode id = payload.has("vc") ? payload.path("vc").path("id") : payload.path("id");
            String value = id.isTextual() ? id.asText() : payload.path("jti").asText(null);
            if (value != null) {
                return value;
            }
        } catch (RuntimeException e) {
            // Said below, as any decision without an id.
        }
        throw new IssuerException(IssuerException.Problem.NOT_A_DOSSIER, "a decision the dossier lists has no readable id",
                "json");
    }

    /**
     * Signs the decision for the dossier's learner and records it like any credential the
     * organisation issues.
     *
     * @param out the file to write it to, or null for the organisation's {@code issued/}
     * @throws IssuerException as {@link CredentialIssuer#issue(Organisation, IssueRequest, Path)}
     *     ({@code FUTURE_DATE} [date] among them), {@code FIELD_TOO_LONG} [field]
     */
    public Decision decide(Organisation organisation, Dossier dossier, Verdict verdict, Path out) {
        ExemptionRequest request = dossier.request();
        LocalDate date = verdict.date() != null ? verdict.date() : issuer.today();
        ExemptionDecision decision;
        try {
            decision = new ExemptionDecision(verdict.outcome(), verdict.grantedOutcomes(), date, verdict.grounds(),
                    verdict.decidingBody(), verdict.appeal(), organisation.name(), request.courseCode(),
                    request.courseName(), dossier.hash(), verdict.follows());
        } catch (UntrustedInputException e) {
            throw new IssuerException(IssuerException.Problem.FIELD_TOO_LONG, e.getMessage(), e, "decision");
        }
        IssueRequest credential = IssueRequest.builder(AchievementKind.EXEMPTION_DECISION)
                .to(dossier.holder())
                .title("Vrijstelling " + request.courseCode() + " " + request.courseName())
                .date(date)
                .build();
        ObjectNode extras = StrictJson.mapper().createObjectNode();
        extras.set("exemptionDecision", decision.toJson());
        return new Decision(decision, issuer.issue(organisation, credential, out, extras));
    }

    private static IssuerException bad(String field, String message) {
        return new IssuerException(IssuerException.Problem.BAD_FIELD, message, field);
    }
}
