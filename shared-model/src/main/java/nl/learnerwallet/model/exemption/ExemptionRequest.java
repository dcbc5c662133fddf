package nl.learnerwallet.model.exemption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * What a learner asks an exam committee: an exemption for one course of one institution, with the
 * course's learning outcomes (copied from the course guide), its level and study load, and a
 * motivation. Carried in the share's holder-signed presentation as {@code exemptionRequest}:
 * {@code {"institution", "course": {"code", "name", "outcomes": [...], "eqf", "studyLoad":
 * {"amount", "unit": "ECTS"|"SBU"|"HOURS"}}, "motivation"}}.
 */
public record ExemptionRequest(String institution, String courseCode, String courseName, List<String> courseOutcomes,
        Integer courseEqf, StudyLoad courseStudyLoad, String motivation) {

    /** A course guide's outcomes fit easily; a larger file is not a list of outcomes. */
    public static final int MAX_OUTCOMES_FILE_BYTES = 64 * 1024;
    public static final int MAX_OUTCOMES = 100;
    public static final int MAX_TEXT = 4000;
    private static final int MAX_NAME = 300;

    public ExemptionRequest {
        institution = required(institution, "institution", MAX_NAME);
        courseCode = required(courseCode, "course code", MAX_NAME);
        courseName = required(courseName, "course name", MAX_NAME);
        courseOutcomes = courseOutcomes == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(courseOutcomes));
        if (courseOutcomes.size() > MAX_OUTCOMES) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "a course has at most " + MAX_OUTCOMES + " learning outcomes here");
        }
        for (String outcome : courseOutcomes) {
            required(outcome, "learning outcome", MAX_TEXT);
        }
        if (courseEqf != null && (courseEqf < 1 || courseEqf > 8)) {
            throw new UntrustedInputException(InputProblem.BAD_VALUE, "an EQF level is between 1 and 8");
        }
        if (motivation != null && motivation.length() > MAX_TEXT) {
            throw new UntrustedInputException(InputProblem.FIELD_TOO_LONG, "the motivation is longer than " + MAX_TEXT + " characters");
        }
    }

    /**
     * The course's learning outcomes from a text file, one per line (blank lines and list marks
     * dropped). Refuses, before reading further, a file over 64 KiB, and anything that is not UTF-8
     * text (NUL and other control characters included).
     *
     * @throws UntrustedInputException {@code TOO_LARGE} or {@code NOT_TEXT}
     */
    public static List<String> outcomesFromText(byte[] file) {
        if (file.length > MAX_OUTCOMES_FILE_BYTES) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "the learning outcomes file is larger than 64 KiB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new UntrustedInputException(InputProblem.NOT_TEXT, "the learning outcomes file is not UTF-8 text", e);
        }
        List<String> outcomes = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 && c != '\t') {
                    throw new UntrustedInputException(InputProblem.NOT_TEXT, "the learning outcomes file is not plain text");
                }
            }
            String outcome = line.trim().replaceFirst("^([-*•]|\\d+[.)])\\s*", "").trim();
            if (outcome.startsWith("\uFEFF")) {
                outcome = outcome.substring(1).trim();
            }
            if (!outcome.isEmpty()) {
                outcomes.add(outcome);
            }
        }
        if (outcomes.size() > MAX_OUTCOMES) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "the file lists more than " + MAX_OUTCOMES + " learning outcomes");
        }
        return outcomes;
    }

    public ObjectNode toJson() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("institution", institution);
        ObjectNode course = node.putObject("course");
        course.put("code", courseCode);
        course.put("name", courseName);
        ArrayNode outcomes = course.putArray("outcomes");
        courseOutcomes.forEach(outcomes::add);
        if (courseEqf != null) {
            course.put("eqf", courseEqf);
        }
        if (courseStudyLoad != null) {
            course.putObject("studyLoad").put("amount", courseStudyLoad.amount()).put("unit", courseStudyLoad.unit().name());
        }
        if (motivation != null) {
            node.put("motivation", motivation);
        }
        return node;
    }

    /** @throws UntrustedInputException when the JSON is not an exemption request */
    public static ExemptionRequest fromJson(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("course").isObject()) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "the exemption request names no course");
        }
        JsonNode course = node.path("course");
        List<String> outcomes = new ArrayList<>();
        for (JsonNode outcome : course.path("outcomes")) {
            outcomes.add(outcome.isTextual() ? outcome.asText() : null);
        }
        StudyLoad load = null;
        JsonNode studyLoad = course.path("studyLoad");
        if (studyLoad.isObject()) {
            try {
                load = new StudyLoad(new BigDecimal(studyLoad.path("amount").asText("")),
                        StudyLoad.Unit.valueOf(studyLoad.path("unit").asText("")));
            } catch (IllegalArgumentException e) {
                throw new UntrustedInputException(InputProblem.BAD_VALUE, "the course's study load is not valid");
            }
        }
        JsonNode eqf = course.path("eqf");
        return new ExemptionRequest(text(node, "institution"), text(course, "code"), text(course, "name"), outcomes,
                eqf.canConvertToInt() ? eqf.asInt() : null, load, text(node, "motivation"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String required(String value, String what, int max) {
        if (value == null || value.trim().isEmpty()) {
            throw new UntrustedInputException(InputProblem.MISSING_FIELD, "the exemption request needs a " + what);
        }
        if (value.length() > max) {
            throw new UntrustedInputException(InputProblem.FIELD_TOO_LONG, "the " + what + " is longer than " + max + " characters");
        }
        return value.trim();
    }
}
