package nl.learnerwallet.model.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.WorkPeriod;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * An entry the learner adds themselves and no issuer signed (format {@code self-declared}): a
 * period of work or a diploma. Its card says what the learner said — the employer or institution
 * is named as theirs, never as an issuer — and verification can only find it well-formed: its
 * status is SELF_DECLARED. In a presentation the holder's signature covers it, nothing more.
 *
 * <p>The document: UTF-8 JSON of at most 64 KiB, with exactly these fields.
 * <pre>
 * {"type": "LearnerWalletSelfDeclared", "kind": "WORK_EXPERIENCE", "id": "k3v9w2m8qa",
 *  "declaredAt": "2027-03-01T10:00:00Z", "employer": "Gemeente Utrecht", "role": "Data-analist",
 *  "from": "2021-09", "to": "2024-06", "description": "...", "skills": ["Python", "SQL"]}
 *
 * {"type": "LearnerWalletSelfDeclared", "kind": "DIPLOMA", "id": "p4x8c1n6tz",
 *  "declaredAt": "2027-03-01T10:00:00Z", "institution": "Hogeschool Utrecht", "programme": "HBO-ICT",
 *  "programmeCode": "CROHO 34479", "level": {"eqf": 6, "nlqf": "6"}, "date": "2024-07-05", "grade": "7,8"}
 * </pre>
 * Without {@code to} the work goes on. {@code description}, {@code skills}, {@code programmeCode},
 * {@code level} and {@code grade} may be left out. No date may lie after the day of
 * {@code declaredAt} (in any time zone), and a period may not end before it starts. The {@code id}
 * is what an attestation request names and an attested credential answers
 * ({@code credentialSubject.attestationRequest}).
 *
 * @param workExperience the period of work, or null for a diploma
 * @param diploma the diploma, or null for work experience
 */
public record SelfDeclaredEntry(String id, Instant declaredAt, WorkExperience workExperience, Diploma diploma) {

    /** The {@code type} that marks the document. */
    public static final String TYPE = "LearnerWalletSelfDeclared";
    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_ID_LENGTH = 100;
    /** Employer, role, institution, programme. */
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 4000;
    public static final int MAX_SKILLS = 50;
    public static final int MAX_SKILL_LENGTH = 100;
    public static final int MAX_GRADE_LENGTH = 50;
    /** Earlier dates are typing mistakes, not diplomas or jobs. */
    public static final int EARLIEST_YEAR = 1900;

    /** The easternmost time zone: its calendar is the latest, so no learner's today lies after it. */
    private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern PROGRAMME_CODE = Pattern.compile("(CROHO|CREBO) [0-9]{5}");
    private static final Pattern NLQF = Pattern.compile("[1-8]|entry");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> COMMON_FIELDS = fields("type", "kind", "id", "declaredAt");
    private static final Set<String> WORK_FIELDS = fields("employer", "role", "from", "to", "description", "skills");
    private static final Set<String> DIPLOMA_FIELDS = fields("institution", "programme", "programmeCode", "level", "date", "grade");
    private static final Set<String> LEVEL_FIELDS = fields("eqf", "nlqf");

    /** A self-declared entry was refused; {@link #field()} names the field at fault (dotted when nested). */
    public static final class InvalidEntryException extends UntrustedInputException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidEntryException(InputProblem problem, String field, String message) {
            super(problem, message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * A diploma as the learner states it. Texts are trimmed; an empty programme code or grade is
     * left out.
     *
     * @param programmeCode {@code CROHO 34479} (hbo/wo) or {@code CREBO 25180} (mbo), or null
     * @param level EQF (1–8) and NLQF ({@code 1}–{@code 8} or {@code entry}) as stated; never null, possibly empty
     * @param date the day it was awarded
     * @throws InvalidEntryException naming the field at fault
     */
    public record Diploma(String institution, String programme, String programmeCode, QualificationLevel level,
            LocalDate date, String grade) {

        public Diploma {
            institution = requiredText("institution", institution, MAX_NAME_LENGTH);
            programme = requiredText("programme", programme, MAX_NAME_LENGTH);
            programmeCode = optionalText("programmeCode", programmeCode, MAX_NAME_LENGTH, false);
            if (programmeCode != null) {
                programmeCode = programmeCode.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                if (!PROGRAMME_CODE.matcher(programmeCode).matches()) {
                    throw invalid(InputProblem.BAD_VALUE, "programmeCode",
                            "a programme code is CROHO or CREBO and five digits, e.g. CROHO 34479");
                }
            }
            level = level == null ? new QualificationLevel(null, null, null) : level;
            if (level.nlqf() != null && !NLQF.matcher(level.nlqf()).matches()) {
                throw invalid(InputProblem.BAD_VALUE, "level.nlqf", "an NLQF level is 1 to 8, or entry");
            }
            if (level.qfEhea() != null) {
                throw invalid(InputProblem.UNKNOWN_FIELD, "level.qfEhea", "a declared level is EQF and NLQF only");
            }
            if (date == null) {
                throw invalid(InputProblem.MISSING_FIELD, "date", "a diploma needs the date it was awarded");
            }
            checkYear("date", date.getYear());
            grade = optionalText("grade", grade, MAX_GRADE_LENGTH, false);
        }

        /**
         * A diploma with its level given as numbers and text, as people type them.
         *
         * @param eqf 1–8, or null
         * @param nlqf {@code 1}–{@code 8} or {@code entry} (any case), or null
         * @throws InvalidEntryException naming the field at fault
         */
        public static Diploma of(String institution, String programme, String programmeCode, Integer eqf, String nlqf,
                LocalDate date, String grade) {
            if (eqf != null && (eqf < 1 || eqf > 8)) {
                throw invalid(InputProblem.BAD_VALUE, "level.eqf", "an EQF level is between 1 and 8");
            }
            String nlqfLevel = nlqf == null || nlqf.trim().isEmpty() ? null : nlqf.trim().toLowerCase(Locale.ROOT);
            return new Diploma(institution, programme, programmeCode, new QualificationLevel(eqf, nlqfLevel, null), date,
                    grade);
        }
    }

    /** @throws InvalidEntryException naming the field at fault */
    public SelfDeclaredEntry {
        if ((workExperience == null) == (diploma == null)) {
            throw new IllegalArgumentException("an entry is either work experience or a diploma");
        }
        if (id == null || id.isEmpty()) {
            throw invalid(InputProblem.MISSING_FIELD, "id", "the entry has no id");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw invalid(InputProblem.FIELD_TOO_LONG, "id", "the entry's id is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (!ID.matcher(id).matches()) {
            throw invalid(InputProblem.BAD_VALUE, "id", "the entry's id may hold only letters, digits and . _ : -");
        }
        if (declaredAt == null) {
            throw invalid(InputProblem.MISSING_FIELD, "declaredAt", "the entry does not say when it was declared");
        }
        LocalDate latest = declaredAt.atOffset(LATEST_ZONE).toLocalDate();
        if (workExperience != null) {
            checkWork(workExperience);
            notAfter("from", workExperience.from().atDay(1), latest);
            if (workExperience.to() != null) {
                notAfter("to", workExperience.to().atDay(1), latest);
            }
        } else {
            notAfter("date", diploma.date(), latest);
        }
    }

    public static SelfDeclaredEntry ofWork(String id, Instant declaredAt, WorkExperience workExperience) {
        return new SelfDeclaredEntry(id, declaredAt, workExperience, null);
    }

    public static SelfDeclaredEntry ofDiploma(String id, Instant declaredAt, Diploma diploma) {
        return new SelfDeclaredEntry(id, declaredAt, null, diploma);
    }

    /**
     * A period of work as the learner typed it: texts trimmed, an empty description left out.
     *
     * @param to null while the work goes on
     * @throws InvalidEntryException naming the field at fault: missing, too long, badly formed, or
     *     a period that ends before it starts
     */
    public static WorkExperience workExperience(String employer, String role, YearMonth from, YearMonth to,
            String description, List<String> skills) {
        String employerName = requiredText("employer", employer, MAX_NAME_LENGTH);
        String roleName = requiredText("role", role, MAX_NAME_LENGTH);
        if (from == null) {
            throw invalid(InputProblem.MISSING_FIELD, "from", "work experience needs the month it started");
        }
        if (to != null && to.isBefore(from)) {
            throw invalid(InputProblem.PERIOD_ENDS_BEFORE_START, "to", "the period ends before it starts");
        }
        List<String> trimmed = new ArrayList<>();
        if (skills != null) {
            for (String skill : skills) {
                trimmed.add(skill == null ? null : skill.trim());
            }
        }
        WorkExperience experience = new WorkExperience(employerName, roleName, from, to,
                optionalText("description", description, MAX_DESCRIPTION_LENGTH, true), trimmed);
        checkWork(experience);
        return experience;
    }

    public CredentialKind kind() {
        return workExperience != null ? CredentialKind.WORK_EXPERIENCE : CredentialKind.DIPLOMA;
    }

    /**
     * The card: the kind, marked self-declared; the role or programme as title; the employer or
     * institution as awarding body with no issuer id (nobody signed); for work the period, the
     * description and the skills (as learning outcomes); for a diploma its code, level, grade and
     * date (as the date of issue, midnight UTC of that day).
     */
    public CredentialCard card() {
        if (workExperience != null) {
            return CredentialCard.builder(CredentialKind.WORK_EXPERIENCE)
                    .selfDeclared(true)
                    .title(workExperience.role())
                    .awardingBody(workExperience.employer())
                    .description(workExperience.description())
                    .learningOutcomes(workExperience.skills())
                    .workPeriod(new WorkPeriod(workExperience.from(), workExperience.to()))
                    .build();
        }
        return CredentialCard.builder(CredentialKind.DIPLOMA)
                .selfDeclared(true)
                .title(diploma.programme())
                .awardingBody(diploma.institution())
                .programmeCode(diploma.programmeCode())
                .level(diploma.level())
                .grade(diploma.grade())
                .issuedOn(diploma.date().atStartOfDay(ZoneOffset.UTC).toInstant())
                .build();
    }

    /** The document, fields in the order above, as UTF-8 bytes: what the wallet stores and presents. */
    public byte[] toJson() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("type", TYPE);
        node.put("kind", kind().name());
        node.put("id", id);
        node.put("declaredAt", declaredAt.toString());
        if (workExperience != null) {
            workExperience.writeFields(node);
        } else {
            node.put("institution", diploma.institution());
            node.put("programme", diploma.programme());
            if (diploma.programmeCode() != null) {
                node.put("programmeCode", diploma.programmeCode());
            }
            if (!diploma.level().isEmpty()) {
                ObjectNode level = node.putObject("level");
                if (diploma.level().eqf() != null) {
                    level.put("eqf", diploma.level().eqf());
                }
                if (diploma.level().nlqf() != null) {
                    level.put("nlqf", diploma.level().nlqf());
                }
            }
            node.put("date", diploma.date().toString());
            if (diploma.grade() != null) {
                node.put("grade", diploma.grade());
            }
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether parsed JSON is meant as a self-declared entry (its {@code type}); says nothing of its validity. */
    public static boolean isEntry(JsonNode json) {
        return json.isObject() && TYPE.equals(json.path("type").asText(null));
    }

    /** @throws UntrustedInputException as {@link #read} */
    public static SelfDeclaredEntry parse(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads and checks a document strictly: its size, JSON (no duplicate keys), its type and kind,
     * no field it does not have, each field's JSON type, length and form, and the dates.
     *
     * @throws UntrustedInputException {@code TOO_LARGE}, {@code NOT_JSON}, {@code DUPLICATE_KEY},
     *     {@code UNKNOWN_FORMAT} (not an entry), or an {@link InvalidEntryException} naming the field
     */
    public static SelfDeclaredEntry read(byte[] json) {
        if (json.length > MAX_BYTES) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "a self-declared entry is larger than 64 KiB");
        }
        JsonNode node = StrictJson.parse(json);
        if (!isEntry(node)) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "the JSON is not a self-declared entry");
        }
        String kind = text(node, "kind", true);
        boolean work = CredentialKind.WORK_EXPERIENCE.name().equals(kind);
        if (!work && !CredentialKind.DIPLOMA.name().equals(kind)) {
            throw invalid(InputProblem.BAD_VALUE, "kind", "a self-declared entry is WORK_EXPERIENCE or DIPLOMA");
        }
        onlyFields(node, COMMON_FIELDS, work ? WORK_FIELDS : DIPLOMA_FIELDS, "");
        String id = text(node, "id", true);
        Instant declaredAt;
        try {
            declaredAt = Instant.parse(text(node, "declaredAt", true));
        } catch (DateTimeParseException e) {
            throw invalid(InputProblem.BAD_VALUE, "declaredAt", "declaredAt is not a time like 2027-03-01T10:00:00Z");
        }
        if (work) {
            String to = text(node, "to", false);
            return ofWork(id, declaredAt, workExperience(text(node, "employer", true), text(node, "role", true),
                    month("from", text(node, "from", true)), to == null ? null : month("to", to),
                    text(node, "description", false), texts(node, "skills")));
        }
        Integer eqf = null;
        String nlqf = null;
        JsonNode level = node.get("level");
        if (level != null && !level.isNull()) {
            if (!level.isObject()) {
                throw invalid(InputProblem.WRONG_TYPE, "level", "level is an object with eqf and nlqf");
            }
            onlyFields(level, LEVEL_FIELDS, Collections.<String>emptySet(), "level.");
            JsonNode eqfNode = level.get("eqf");
            if (eqfNode != null && !eqfNode.isNull()) {
                if (!eqfNode.isInt()) {
                    throw invalid(InputProblem.WRONG_TYPE, "level.eqf", "an EQF level is a whole number");
                }
                eqf = eqfNode.intValue();
            }
            nlqf = text(level, "nlqf", false);
        }
        return ofDiploma(id, declaredAt, Diploma.of(text(node, "institution", true), text(node, "programme", true),
                text(node, "programmeCode", false), eqf, nlqf, day("date", text(node, "date", true)),
                text(node, "grade", false)));
    }

    /**
     * A month as {@code YYYY-MM}, from {@value #EARLIEST_YEAR} on.
     *
     * @param field the field's name, for the exception
     * @throws InvalidEntryException {@code BAD_VALUE}
     */
    public static YearMonth month(String field, String text) {
        YearMonth month = date(field, text, MONTH, YearMonth::parse, "a month like 2021-09");
        checkYear(field, month.getYear());
        return month;
    }

    /**
     * A day as {@code YYYY-MM-DD}, from {@value #EARLIEST_YEAR} on.
     *
     * @throws InvalidEntryException {@code BAD_VALUE}
     */
    public static LocalDate day(String field, String text) {
        LocalDate day = date(field, text, DAY, LocalDate::parse, "a date like 2024-07-05");
        checkYear(field, day.getYear());
        return day;
    }

    /** Parses text of exactly this form (java.time alone would take a sign and more digits). */
    private static <T> T date(String field, String text, Pattern form, Function<String, T> parser, String like) {
        String trimmed = text == null ? "" : text.trim();
        if (form.matcher(trimmed).matches()) {
            try {
                return parser.apply(trimmed);
            } catch (DateTimeParseException e) {
                // A month 13 or a 30 February: said below.
            }
        }
        throw invalid(InputProblem.BAD_VALUE, field, field + " is not " + like);
    }

    private static void checkWork(WorkExperience experience) {
        requiredText("employer", experience.employer(), MAX_NAME_LENGTH);
        requiredText("role", experience.role(), MAX_NAME_LENGTH);
        optionalText("description", experience.description(), MAX_DESCRIPTION_LENGTH, true);
        checkYear("from", experience.from().getYear());
        if (experience.skills().size() > MAX_SKILLS) {
            throw invalid(InputProblem.FIELD_TOO_LONG, "skills", "at most " + MAX_SKILLS + " skills");
        }
        for (String skill : experience.skills()) {
            requiredText("skills", skill, MAX_SKILL_LENGTH);
        }
    }

    private static void notAfter(String field, LocalDate date, LocalDate latest) {
        if (date.isAfter(latest)) {
            throw invalid(InputProblem.DATE_IN_FUTURE, field, field + " lies after the day the entry was declared");
        }
    }

    private static void checkYear(String field, int year) {
        if (year < EARLIEST_YEAR) {
            throw invalid(InputProblem.BAD_VALUE, field, field + " lies before " + EARLIEST_YEAR);
        }
    }

    /** Trimmed and present, within the length, one line without control characters. */
    private static String requiredText(String field, String value, int maxLength) {
        String text = optionalText(field, value, maxLength, false);
        if (text == null) {
            throw invalid(InputProblem.MISSING_FIELD, field, field + " is missing or empty");
        }
        return text;
    }

    /** Trimmed, or null when absent or empty; within the length; no control characters but line breaks where allowed. */
    private static String optionalText(String field, String value, int maxLength, boolean multiLine) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String text = value.trim();
        if (text.length() > maxLength) {
            throw invalid(InputProblem.FIELD_TOO_LONG, field, field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(multiLine && lineBreak)) {
                throw invalid(InputProblem.BAD_VALUE, field, field + " holds control characters");
            }
        }
        return text;
    }

    /** A text field: null when absent or JSON null; refused when required and absent, or not text. */
    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(InputProblem.MISSING_FIELD, field, field + " is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(InputProblem.WRONG_TYPE, field, field + " is not text");
        }
        return value.asText();
    }

    /** A list of texts, empty when absent. */
    private static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw invalid(InputProblem.WRONG_TYPE, field, field + " is not a list");
        }
        if (value.size() > MAX_SKILLS) {
            throw invalid(InputProblem.FIELD_TOO_LONG, field, "at most " + MAX_SKILLS + " " + field);
        }
        for (JsonNode each : value) {
            if (!each.isTextual()) {
                throw invalid(InputProblem.WRONG_TYPE, field, field + " holds something other than text");
            }
            out.add(each.asText());
        }
        return out;
    }

    private static void onlyFields(JsonNode node, Set<String> common, Set<String> specific, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!common.contains(name) && !specific.contains(name)) {
                // The name is the input's: shortened, so that a message never carries much of it.
                String shown = prefix + (name.length() > 40 ? name.substring(0, 40) + "..." : name);
                throw invalid(InputProblem.UNKNOWN_FIELD, shown, "a self-declared entry has no field " + shown);
            }
        }
    }

    private static Set<String> fields(String... names) {
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(names)));
    }

    private static InvalidEntryException invalid(InputProblem problem, String field, String message) {
        return new InvalidEntryException(problem, field, message);
    }
}
