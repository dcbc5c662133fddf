package nl.learnerwallet.model.exemption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * An exam committee's decision on an exemption request, as it sits in the signed credential's
 * {@code credentialSubject.exemptionDecision} (an OB 3.0 VC-JWT, achievementType
 * {@value #ACHIEVEMENT_TYPE}, issued by the institution with the issuer toolkit, its subject the
 * learner's holder DID):
 * {@code {"decision": "granted"|"partly-granted"|"refused"|"more-information", "grantedOutcomes":
 * [...], "date": "YYYY-MM-DD", "grounds", "decidingBody", "appeal", "institution", "course":
 * {"code", "name"}, "dossier": DOSSIER_HASH, "follows": PREVIOUS_DECISION_ID}}.
 * {@code dossier} is {@link Dossiers#hash} of the dossier's presentation: a decision belongs to
 * exactly one dossier. A decision is never changed; a later one names the one it {@code follows}.
 */
public record ExemptionDecision(Outcome decision, List<String> grantedOutcomes, LocalDate date, String grounds,
        String decidingBody, String appeal, String institution, String courseCode, String courseName, String dossier,
        String follows) {

    public static final String ACHIEVEMENT_TYPE = "ext:ExemptionDecision";
    private static final int MAX_TEXT = 8000;
    private static final int MAX_NAME = 300;

    /** What the committee decided. */
    public enum Outcome {
        GRANTED("granted"), PARTLY_GRANTED("partly-granted"), REFUSED("refused"), MORE_INFORMATION("more-information");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** @throws UntrustedInputException {@code BAD_VALUE} for anything else */
        public static Outcome of(String id) {
            for (Outcome each : values()) {
                if (each.id.equals(id == null ? null : id.toLowerCase(Locale.ROOT))) {
                    return each;
                }
            }
            throw new UntrustedInputException(InputProblem.BAD_VALUE,
                    "a decision is granted, partly-granted, refused or more-information");
        }
    }

    public ExemptionDecision {
        if (decision == null || date == null) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "a decision has an outcome and a date");
        }
        grantedOutcomes = grantedOutcomes == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(grantedOutcomes));
        if (decision == Outcome.PARTLY_GRANTED && grantedOutcomes.isEmpty()) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "a partly granted exemption names the outcomes it grants");
        }
        grounds = required(grounds, "grounds");
        decidingBody = required(decidingBody, "deciding body");
        appeal = required(appeal, "way to appeal");
        dossier = required(dossier, "dossier");
        institution = optional(institution, "institution");
        courseCode = optional(courseCode, "course code");
        courseName = optional(courseName, "course name");
        follows = optional(follows, "follows");
    }

    private static String optional(String value, String what) {
        if (value != null && value.length() > MAX_NAME) {
            throw new UntrustedInputException(InputProblem.FIELD_TOO_LONG, "the decision's " + what + " is too long");
        }
        return value;
    }

    public ObjectNode toJson() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("decision", decision.id());
        ArrayNode granted = node.putArray("grantedOutcomes");
        grantedOutcomes.forEach(granted::add);
        node.put("date", date.toString());
        node.put("grounds", grounds);
        node.put("decidingBody", decidingBody);
        node.put("appeal", appeal);
        if (institution != null) {
            node.put("institution", institution);
        }
        if (courseCode != null || courseName != null) {
            ObjectNode course = node.putObject("course");
            if (courseCode != null) {
                course.put("code", courseCode);
            }
            if (courseName != null) {
                course.put("name", courseName);
            }
        }
        node.put("dossier", dossier);
        if (follows != null) {
            node.put("follows", follows);
        }
        return node;
    }

    /** @throws UntrustedInputException when the JSON is not a decision */
    public static ExemptionDecision fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "the credential holds no exemption decision");
        }
        List<String> granted = new ArrayList<>();
        for (JsonNode outcome : node.path("grantedOutcomes")) {
            granted.add(required(outcome.isTextual() ? outcome.asText() : null, "granted outcome"));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.path("date").asText(""));
        } catch (DateTimeParseException e) {
            throw new UntrustedInputException(InputProblem.BAD_VALUE, "the decision's date is not a date");
        }
        JsonNode course = node.path("course");
        return new ExemptionDecision(Outcome.of(node.path("decision").asText(null)), granted, date,
                text(node, "grounds"), text(node, "decidingBody"), text(node, "appeal"), text(node, "institution"),
                text(course, "code"), text(course, "name"), text(node, "dossier"), text(node, "follows"));
    }

    /** The decision in a decision credential's payload ({@code vc} claim or VC 2.0 form), or null when there is none. */
    public static ExemptionDecision inCredential(JsonNode credential) {
        JsonNode subject = credential.path("credentialSubject");
        JsonNode decision = (subject.isArray() ? subject.path(0) : subject).path("exemptionDecision");
        return decision.isObject() ? fromJson(decision) : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String required(String value, String what) {
        if (value == null || value.trim().isEmpty()) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "a decision needs its " + what);
        }
        if (value.length() > MAX_TEXT) {
            throw new UntrustedInputException(InputProblem.FIELD_TOO_LONG, "the decision's " + what + " is too long");
        }
        return value.trim();
    }
}
