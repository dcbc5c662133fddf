package nl.learnerwallet.model.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.StudyLoad;

/**
 * Maps an Open Badges 3.0 credential (an {@code OpenBadgeCredential} with an
 * {@code AchievementSubject}) onto the card. Standard OB 3.0 fields first — achievementType,
 * creditsAvailable (read as ECTS), resultDescription, alignment to EQF/NLQF, fieldOfStudy,
 * inLanguage, criteria, evidence, result — then the extension fields edubadges and our issuer
 * toolkit put on the achievement for the EU standard elements: {@code ECTS}, {@code EQF},
 * {@code NLQF}, {@code studyLoad} ({@code {"value": 240, "unit": "SBU"}}), {@code learningOutcomes},
 * {@code assessment}, {@code participationType}, {@code qualityAssurance}, {@code prerequisites},
 * {@code supervision}, {@code integrationStackability}, {@code furtherInformation}.
 */
public final class Ob3CardMapper {

    private Ob3CardMapper() {
    }

    public static CredentialCard map(JsonNode credential, String issuerId, Instant issuedOn, Instant validFrom,
            Instant validUntil) {
        JsonNode subject = firstSubject(credential.path("credentialSubject"));
        JsonNode achievement = subject.path("achievement");
        String achievementType = text(achievement, "achievementType");
        CredentialCard.Builder card = CredentialCard.builder(kindOf(achievementType, achievement, credential))
                .achievementType(achievementType)
                .title(firstText(text(achievement, "name"), text(credential, "name")))
                .description(firstText(text(achievement, "description"), text(credential, "description")))
                .learner(learner(subject))
                .awardingBody(issuerName(credential.path("issuer")))
                .issuerId(issuerId)
                .issuerCountry(issuerCountry(credential.path("issuer"), achievement))
                .issuedOn(issuedOn)
                .validFrom(validFrom)
                .expiresOn(validUntil)
                .learningOutcomes(learningOutcomes(achievement))
                .studyLoad(studyLoad(achievement))
                .level(level(achievement))
                .assessmentType(assessment(achievement))
                .participationForm(firstText(text(achievement, "participationType"), text(achievement, "formOfParticipation")))
                .qualityAssurance(textOrName(achievement.path("qualityAssurance")))
                .prerequisites(textOrName(achievement.path("prerequisites")))
                .supervisionAndIdentityVerification(textOrName(achievement.path("supervision")))
                .grade(grade(subject))
                .integrationStackability(textOrName(achievement.path("integrationStackability")))
                .furtherInformation(textOrName(achievement.path("furtherInformation")))
                .criteria(firstText(text(achievement.path("criteria"), "narrative"), text(achievement.path("criteria"), "id")))
                .evidence(evidence(credential.path("evidence")))
                .language(text(achievement, "inLanguage"))
                .programmeCode(programmeCode(achievement))
                .fieldOfStudy(text(achievement, "fieldOfStudy"));
        return card.build();
    }

    /**
     * The kind an OB 3.0 {@code achievementType} names ({@code ext:} extensions included); an
     * achievement without a type is a regular badge, no achievement at all is OTHER. SD-JWT VCs of
     * our toolkit carry the same word as their {@code achievement_type} claim.
     */
    public static CredentialKind kindOf(String achievementType, JsonNode achievement, JsonNode credential) {
        String type = achievementType == null ? "" : achievementType.toLowerCase(Locale.ROOT);
        if (type.startsWith("ext:")) {
            type = type.substring(4);
        }
        if (type.equals("microcredential")) {
            return CredentialKind.MICROCREDENTIAL;
        }
        if (type.contains("diploma") || type.contains("degree") || type.contains("doctorate")) {
            return CredentialKind.DIPLOMA;
        }
        if (type.equals("cocurricular") || type.equals("extracurricular")) {
            return CredentialKind.EXTRACURRICULAR_BADGE;
        }
        if (type.equals("workexperience")) {
            return CredentialKind.WORK_EXPERIENCE;
        }
        if (type.equals("exemptiondecision")) {
            return CredentialKind.OTHER; // a decision about a learner, not an achievement of theirs
        }
        if (!achievement.isObject()) {
            return CredentialKind.OTHER;
        }
        return CredentialKind.REGULAR_BADGE;
    }

    /**
     * A diploma's programme code: OB 3.0 {@code humanCode} ("CROHO 34479"), or an
     * {@code otherIdentifier} of type CROHO or CREBO, as Dutch registers name programmes.
     */
    private static String programmeCode(JsonNode achievement) {
        String human = text(achievement, "humanCode");
        if (human != null) {
            return human;
        }
        for (JsonNode identifier : achievement.path("otherIdentifier")) {
            String type = identifier.path("identifierType").asText("").toUpperCase(Locale.ROOT);
            String value = identifier.path("identifier").asText(null);
            if (value != null && (type.contains("CROHO") || type.contains("CREBO"))) {
                return (type.contains("CROHO") ? "CROHO " : "CREBO ") + value;
            }
        }
        return null;
    }

    private static JsonNode firstSubject(JsonNode subject) {
        return subject.isArray() && subject.size() > 0 ? subject.get(0) : subject;
    }

    private static String learner(JsonNode subject) {
        String name = text(subject, "name");
        if (name != null) {
            return name;
        }
        String id = text(subject, "id");
        if (id != null) {
            return id;
        }
        JsonNode identifier = subject.path("identifier");
        JsonNode first = identifier.isArray() && identifier.size() > 0 ? identifier.get(0) : identifier;
        if (first.isObject()) {
            return first.path("identityType").asText("identifier") + " (" + (first.path("hashed").asBoolean(true)
                    ? "hashed" : first.path("identityHash").asText("")) + ")";
        }
        return null;
    }

    private static String issuerName(JsonNode issuer) {
        return issuer.isObject() ? text(issuer, "name") : null;
    }

    private static String issuerCountry(JsonNode issuer, JsonNode achievement) {
        JsonNode address = issuer.path("address");
        return firstText(text(address, "addressCountryCode"), text(address, "addressCountry"),
                text(achievement, "issuerCountry"));
    }

    private static List<String> learningOutcomes(JsonNode achievement) {
        List<String> outcomes = new ArrayList<>();
        JsonNode listed = achievement.path("learningOutcomes");
        if (listed.isArray()) {
            for (JsonNode outcome : listed) {
                String value = textOrName(outcome);
                if (value != null) {
                    outcomes.add(value);
                }
            }
        } else if (listed.isTextual()) {
            outcomes.add(listed.asText());
        }
        String single = text(achievement, "learningOutcome");
        if (single != null) {
            outcomes.add(single);
        }
        return outcomes;
    }

    private static StudyLoad studyLoad(JsonNode achievement) {
        JsonNode load = achievement.path("studyLoad");
        if (load.isObject() && load.path("value").isNumber()) {
            String unit = load.path("unit").asText("").toUpperCase(Locale.ROOT);
            BigDecimal value = load.path("value").decimalValue();
            if (value.signum() >= 0) {
                if (unit.equals("SBU")) {
                    return new StudyLoad(value, StudyLoad.Unit.SBU);
                }
                if (unit.equals("ECTS") || unit.equals("EC")) {
                    return new StudyLoad(value, StudyLoad.Unit.ECTS);
                }
                if (unit.equals("HOURS") || unit.equals("H")) {
                    return new StudyLoad(value, StudyLoad.Unit.HOURS);
                }
            }
        }
        for (String field : new String[] {"ECTS", "creditsAvailable"}) {
            JsonNode credits = achievement.path(field);
            if (credits.isNumber() && credits.decimalValue().signum() >= 0) {
                return new StudyLoad(credits.decimalValue(), StudyLoad.Unit.ECTS);
            }
        }
        JsonNode hours = achievement.path("timeInvestment");
        if (hours.isNumber() && hours.decimalValue().signum() >= 0) {
            return new StudyLoad(hours.decimalValue(), StudyLoad.Unit.HOURS);
        }
        return null;
    }

    private static QualificationLevel level(JsonNode achievement) {
        Integer eqf = eqf(achievement.path("EQF"));
        String nlqf = text(achievement, "NLQF");
        String qfEhea = text(achievement, "qfEhea");
        for (JsonNode alignment : achievement.path("alignment")) {
            String framework = firstText(text(alignment, "targetFramework"), text(alignment, "targetType"), "")
                    .toUpperCase(Locale.ROOT);
            String code = firstText(text(alignment, "targetCode"), text(alignment, "targetName"));
            if (framework.contains("NLQF") && nlqf == null) {
                nlqf = digitsOf(code);
            } else if (framework.contains("EQF") && eqf == null) {
                String digits = digitsOf(code);
                eqf = digits == null ? null : eqf(digits);
            }
        }
        return new QualificationLevel(eqf, nlqf, qfEhea);
    }

    private static Integer eqf(JsonNode node) {
        if (node.isInt() || node.isTextual()) {
            return eqf(node.asText());
        }
        return null;
    }

    private static Integer eqf(String text) {
        try {
            int level = Integer.parseInt(text.trim());
            return level >= 1 && level <= 8 ? level : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String digitsOf(String code) {
        if (code == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : code.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            }
        }
        return digits.length() == 0 ? null : digits.toString();
    }

    private static String assessment(JsonNode achievement) {
        JsonNode assessment = achievement.path("assessment");
        if (assessment.isObject()) {
            return firstText(text(assessment, "type"), text(assessment, "description"));
        }
        if (assessment.isTextual()) {
            return assessment.asText();
        }
        JsonNode results = achievement.path("resultDescription");
        if (results.isArray() && results.size() > 0) {
            return textOrName(results.get(0));
        }
        return null;
    }

    private static String grade(JsonNode subject) {
        for (JsonNode result : subject.path("result")) {
            String value = text(result, "value");
            if (value != null) {
                return value;
            }
        }
        return text(subject, "grade");
    }

    private static List<String> evidence(JsonNode evidence) {
        List<String> out = new ArrayList<>();
        JsonNode list = evidence.isArray() ? evidence : null;
        if (list == null && evidence.isObject()) {
            String single = firstText(text(evidence, "name"), text(evidence, "narrative"), text(evidence, "id"));
            if (single != null) {
                out.add(single);
            }
            return out;
        }
        if (list != null) {
            for (JsonNode each : list) {
                String value = firstText(text(each, "name"), text(each, "narrative"), text(each, "id"));
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return out;
    }

    private static String textOrName(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isObject()) {
            return firstText(text(node, "name"), text(node, "description"), text(node, "type"));
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual() && !value.asText().trim().isEmpty()) {
            return value.asText();
        }
        if (value.isObject()) {
            // Multilingual values ({"nl": "...", "en": "..."}): Dutch first, the platform's language.
            return firstText(text(value, "nl"), text(value, "en"));
        }
        return null;
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
