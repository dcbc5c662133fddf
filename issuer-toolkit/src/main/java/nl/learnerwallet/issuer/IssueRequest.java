package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * What to issue: the kind and format, the recipient, and the EU standard elements for
 * micro-credentials (Council Recommendation of 16 June 2022, Annex I) as the issuer gives them.
 * The awarding body and its country come from the {@link Organisation}; the date of issue defaults
 * to today. Text fields are at most {@link #MAX_TEXT} characters.
 *
 * @param date the date of issue, or null for today
 * @param validUntil the last day the credential is valid, or null for no end
 * @param nlqf an NLQF level: {@code entry} or 1 to 8
 * @param programmeCode a diploma's programme in the Dutch registers: {@code CROHO 34479}, {@code CREBO 25180}
 * @param givenName the learner's given name (SD-JWT only, where the learner's name identifies them)
 * @param status whether the credential gets an entry in the organisation's status list (so it can be revoked)
 * @param allowIncomplete issue a microcredential that lacks mandatory EU standard elements anyway
 * @throws IssuerException {@code BAD_FIELD}, {@code FIELD_TOO_LONG} or {@code BAD_RECIPIENT}, naming the field
 */
public record IssueRequest(AchievementKind kind, IssueFormat format, Recipient to, String title, String description,
        List<String> outcomes, StudyLoad studyLoad, Integer eqf, String nlqf, String assessment, String participation,
        String qualityAssurance, String prerequisites, String supervision, String grade, String stackability,
        String furtherInfo, String programmeCode, String givenName, String familyName, LocalDate date,
        LocalDate validUntil, boolean status, boolean allowIncomplete) {

    /** The longest text a field may hold. */
    public static final int MAX_TEXT = 4000;
    /** The most learning outcomes one credential lists. */
    public static final int MAX_OUTCOMES = 50;

    public IssueRequest {
        if (kind == null) {
            throw bad("kind", "the credential needs a kind");
        }
        format = format == null ? IssueFormat.VC_JWT : format;
        if (to == null) {
            throw bad("to", "the credential needs a recipient (a DID or an e-mail address)");
        }
        title = text("title", title);
        if (title == null) {
            throw bad("title", "the credential needs a title");
        }
        description = text("description", description);
        List<String> listed = new ArrayList<>();
        for (String outcome : outcomes == null ? Collections.<String>emptyList() : outcomes) {
            String value = text("outcome", outcome);
            if (value == null) {
                throw bad("outcome", "a learning outcome cannot be empty");
            }
            listed.add(value);
        }
        if (listed.size() > MAX_OUTCOMES) {
            throw bad("outcome", "a credential lists at most " + MAX_OUTCOMES + " learning outcomes");
        }
        outcomes = Collections.unmodifiableList(listed);
        if (eqf != null && (eqf < 1 || eqf > 8)) {
            throw bad("eqf", "an EQF level is between 1 and 8");
        }
        nlqf = nlqf(text("nlqf", nlqf));
        assessment = text("assessment", assessment);
        participation = text("participation", participation);
        qualityAssurance = text("quality-assurance", qualityAssurance);
        prerequisites = text("prerequisites", prerequisites);
        supervision = text("supervision", supervision);
        grade = text("grade", grade);
        stackability = text("stackability", stackability);
        furtherInfo = text("further-info", furtherInfo);
        programmeCode = programmeCode(text("programme-code", programmeCode), kind);
        givenName = text("given-name", givenName);
        familyName = text("family-name", familyName);
        if ((givenName != null || familyName != null) && format != IssueFormat.SD_JWT) {
            throw bad("learner-name", "a VC-JWT names its learner by --to; names are for SD-JWT credentials");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new IssuerException(IssuerException.Problem.FIELD_TOO_LONG, field + " is longer than " + MAX_TEXT
                    + " characters", field);
        }
        return value.trim();
    }

    private static String nlqf(String value) {
        if (value == null) {
            return null;
        }
        String level = value.toLowerCase(Locale.ROOT);
        if (level.equals("entry") || level.matches("[1-8]")) {
            return level;
        }
        throw bad("nlqf", "an NLQF level is entry or 1 to 8");
    }

    private static String programmeCode(String value, AchievementKind kind) {
        if (value == null) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (kind != AchievementKind.DIPLOMA || !code.matches("(CROHO|CREBO) [0-9]{5}")) {
            throw bad("programme-code", "a programme code is for diplomas and reads like CROHO 34479 or CREBO 25180");
        }
        return code;
    }

    private static IssuerException bad(String field, String message) {
        return new IssuerException(IssuerException.Problem.BAD_FIELD, message, field);
    }

    /**
     * A date in the form {@code YYYY-MM-DD}.
     *
     * @param field the field it is for, named in the problem
     * @throws IssuerException {@code BAD_DATE} [field, value]
     */
    public static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IssuerException(IssuerException.Problem.BAD_DATE, field + " is not a date YYYY-MM-DD", field,
                    String.valueOf(value));
        }
    }

    public static Builder builder(AchievementKind kind) {
        return new Builder().kind(kind);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The fields of an issue file: one JSON object whose keys are the option names of
     * {@code wallet issuer issue} without their dashes in front — {@code kind}, {@code format},
     * {@code to}, {@code title}, {@code description}, {@code outcome} (a list of texts),
     * {@code ects}/{@code sbu}/{@code hours} (a number), {@code eqf} (a number), {@code nlqf},
     * {@code assessment}, {@code participation}, {@code quality-assurance}, {@code prerequisites},
     * {@code supervision}, {@code grade}, {@code stackability}, {@code further-info},
     * {@code programme-code}, {@code given-name}, {@code family-name}, {@code date},
     * {@code valid-until} (texts) and {@code status} (true or false).
     */
    public static final Set<String> FILE_KEYS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "kind", "format", "to", "title", "description", "outcome", "ects", "sbu", "hours", "eqf", "nlqf",
            "assessment", "participation", "quality-assurance", "prerequisites", "supervision", "grade",
            "stackability", "further-info", "programme-code", "given-name", "family-name", "date", "valid-until",
            "status")));

    /**
     * Reads an issue file ({@link #FILE_KEYS}) into a builder, to which options given besides it are
     * then applied.
     *
     * @throws IssuerException {@code BAD_ISSUE_FILE} [key] for an unknown key or a value of the wrong
     *     type ([] when it is not a JSON object); {@code BAD_FIELD} [study-load] for more than one study load
     */
    public static Builder fromJson(byte[] json) {
        JsonNode document;
        try {
            document = StrictJson.parse(json);
        } catch (UntrustedInputException e) {
            throw new IssuerException(IssuerException.Problem.BAD_ISSUE_FILE, "the issue file is not JSON: " + e.getMessage(), e);
        }
        if (!document.isObject()) {
            throw new IssuerException(IssuerException.Problem.BAD_ISSUE_FILE, "the issue file is not a JSON object");
        }
        Builder builder = new Builder();
        int loads = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = document.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "kind": builder.kind(AchievementKind.of(string(key, value))); break;
                case "format": builder.format(IssueFormat.of(string(key, value))); break;
                case "to": builder.to(string(key, value)); break;
                case "title": builder.title(string(key, value)); break;
                case "description": builder.description(string(key, value)); break;
                case "outcome": builder.outcomes(strings(key, value)); break;
                case "ects": builder.studyLoad(new StudyLoad(number(key, value), StudyLoad.Unit.ECTS)); loads++; break;
                case "sbu": builder.studyLoad(new StudyLoad(number(key, value), StudyLoad.Unit.SBU)); loads++; break;
                case "hours": builder.studyLoad(new StudyLoad(number(key, value), StudyLoad.Unit.HOURS)); loads++; break;
                case "eqf": builder.eqf(number(key, value).stripTrailingZeros().intValueExact()); break;
                case "nlqf": builder.nlqf(value.isNumber() ? value.asText() : string(key, value)); break;
                case "assessment": builder.assessment(string(key, value)); break;
                case "participation": builder.participation(string(key, value)); break;
                case "quality-assurance": builder.qualityAssurance(string(key, value)); break;
                case "prerequisites": builder.prerequisites(string(key, value)); break;
                case "supervision": builder.supervision(string(key, value)); break;
                case "grade": builder.grade(value.isNumber() ? value.asText() : string(key, value)); break;
                case "stackability": builder.stackability(string(key, value)); break;
                case "further-info": builder.furtherInfo(string(key, value)); break;
                case "programme-code": builder.programmeCode(string(key, value)); break;
                case "given-name": builder.givenName(string(key, value)); break;
                case "family-name": builder.familyName(string(key, value)); break;
                case "date": builder.date(parseDate(key, string(key, value))); break;
                case "valid-until": builder.validUntil(parseDate(key, string(key, value))); break;
                case "status":
                    if (!value.isBoolean()) {
                        throw wrongType(key);
                    }
                    builder.status(value.booleanValue());
                    break;
                default:
                    throw new IssuerException(IssuerException.Problem.BAD_ISSUE_FILE, "unknown key " + key, key);
            }
        }
        if (loads > 1) {
            throw bad("study-load", "give one study load: ects, sbu or hours");
        }
        return builder;
    }

    private static String string(String key, JsonNode value) {
        if (!value.isTextual()) {
            throw wrongType(key);
        }
        return value.asText();
    }

    private static List<String> strings(String key, JsonNode value) {
        if (value.isTextual()) {
            return Collections.singletonList(value.asText());
        }
        if (!value.isArray()) {
            throw wrongType(key);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode each : value) {
            out.add(string(key, each));
        }
        return out;
    }

    private static BigDecimal number(String key, JsonNode value) {
        if (!value.isNumber()) {
            throw wrongType(key);
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100_000)) > 0) {
            throw bad(key.equals("eqf") ? "eqf" : "study-load", key + " is out of range");
        }
        if (key.equals("eqf") && number.stripTrailingZeros().scale() > 0) {
            throw bad("eqf", "an EQF level is a whole number");
        }
        return number;
    }

    private static IssuerException wrongType(String key) {
        return new IssuerException(IssuerException.Problem.BAD_ISSUE_FILE, key + " has a value of the wrong type", key);
    }

    /** Fills a request field by field; {@link #build()} checks it. */
    public static final class Builder {
        private AchievementKind kind;
        private IssueFormat format;
        private Recipient to;
        private String title;
        private String description;
        private List<String> outcomes = new ArrayList<>();
        private StudyLoad studyLoad;
        private Integer eqf;
        private String nlqf;
        private String assessment;
        private String participation;
        private String qualityAssurance;
        private String prerequisites;
        private String supervision;
        private String grade;
        private String stackability;
        private String furtherInfo;
        private String programmeCode;
        private String givenName;
        private String familyName;
        private LocalDate date;
        private LocalDate validUntil;
        private boolean status;
        private boolean allowIncomplete;

        private Builder() {
        }

        public Builder kind(AchievementKind value) { this.kind = value; return this; }
        public Builder format(IssueFormat value) { this.format = value; return this; }
        /** @throws IssuerException {@code BAD_RECIPIENT} [value] */
        public Builder to(String value) { this.to = Recipient.parse(value); return this; }
        public Builder title(String value) { this.title = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder outcomes(List<String> value) { this.outcomes = new ArrayList<>(value); return this; }
        public Builder addOutcome(String value) { this.outcomes.add(value); return this; }
        public Builder studyLoad(StudyLoad value) { this.studyLoad = value; return this; }
        public Builder eqf(Integer value) { this.eqf = value; return this; }
        public Builder nlqf(String value) { this.nlqf = value; return this; }
        public Builder assessment(String value) { this.assessment = value; return this; }
        public Builder participation(String value) { this.participation = value; return this; }
        public Builder qualityAssurance(String value) { this.qualityAssurance = value; return this; }
        public Builder prerequisites(String value) { this.prerequisites = value; return this; }
        public Builder supervision(String value) { this.supervision = value; return this; }
        public Builder grade(String value) { this.grade = value; return this; }
        public Builder stackability(String value) { this.stackability = value; return this; }
        public Builder furtherInfo(String value) { this.furtherInfo = value; return this; }
        public Builder programmeCode(String value) { this.programmeCode = value; return this; }
        public Builder givenName(String value) { this.givenName = value; return this; }
        public Builder familyName(String value) { this.familyName = value; return this; }
        public Builder date(LocalDate value) { this.date = value; return this; }
        public Builder validUntil(LocalDate value) { this.validUntil = value; return this; }
        public Builder status(boolean value) { this.status = value; return this; }
        public Builder allowIncomplete(boolean value) { this.allowIncomplete = value; return this; }

        public IssueRequest build() {
            return new IssueRequest(kind, format, to, title, description, outcomes, studyLoad, eqf, nlqf, assessment,
                    participation, qualityAssurance, prerequisites, supervision, grade, stackability, furtherInfo,
                    programmeCode, givenName, familyName, date, validUntil, status, allowIncomplete);
        }
    }
}
