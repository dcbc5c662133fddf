package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.StudyLoad;

/**
 * Maps an OB 2.0 assertion, badge class and issuer profile onto the card. Edubadges extensions are
 * read by key ({@code extensions:XExtension}), never by their context's host: ECTS, StudyLoad
 * (SBU, mbo), TimeInvestment (hours), EQF, LearningOutcome, Language ({@code nl_NL}),
 * EducationProgramIdentifier (a list, or a number in older data), InstitutionName,
 * InstitutionIdentifier and InstitutionCountry. The badge class type (regular, microcredential,
 * extra-curricular) and the microcredential fields (participation, assessment, quality assurance,
 * stackability) appear only in edubadges' expanded badge class ({@code typeBadgeClass} …); without
 * them a badge is a regular one: the plain OB 2.0 JSON does not tell them apart.
 */
public final class Ob2CardMapper {

    private static final String EXT = "extensions:";

    private Ob2CardMapper() {
    }

    public static CredentialCard map(Ob2Documents documents) {
        JsonNode assertion = documents.assertion();
        JsonNode badge = documents.badge();
        JsonNode issuer = documents.issuer();
        String type = firstText(text(badge, "typeBadgeClass"), text(badge, "badge_class_type"),
                text(badge.path("micro"), "badge_class_type"));
        CredentialCard.Builder card = CredentialCard.builder(kindOf(type))
                .achievementType(type)
                .title(firstText(text(badge, "name"), fallbackTitle(assertion)))
                .description(text(badge, "description"))
                .learner(learner(assertion, badge))
                .awardingBody(awardingBody(issuer))
                .issuerId(documents.issuerId())
                .issuerCountry(extension(issuer, "InstitutionCountry"))
                .issuedOn(date(assertion, "issuedOn"))
                .expiresOn(date(assertion, "expires"))
                .learningOutcomes(learningOutcomes(badge))
                .studyLoad(studyLoad(badge))
                .level(level(badge))
                .assessmentType(text(badge, "assessmentType"))
                .participationForm(text(badge, "participation"))
                .qualityAssurance(firstText(text(badge, "qualityAssuranceName"), text(badge, "qualityAssuranceUrl")))
                .supervisionAndIdentityVerification(supervision(badge))
                .grade(firstText(text(assertion, "grade_achieved"), text(badge, "grade_achieved")))
                .integrationStackability(badge.path("stackable").isBoolean()
                        ? (badge.path("stackable").asBoolean() ? "stackable" : "not stackable") : null)
                .furtherInformation(furtherInformation(badge, issuer))
                .criteria(firstText(text(badge.path("criteria"), "narrative"), text(badge, "criteria"),
                        text(badge.path("criteria"), "id")))
                .evidence(evidence(assertion.path("evidence")))
                .language(language(badge))
                .fieldOfStudy(null);
        return card.build();
    }

    static CredentialKind kindOf(String type) {
        String normalised = type == null ? "" : type.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (normalised.equals("microcredential") || normalised.equals("microcredentials")) {
            return CredentialKind.MICROCREDENTIAL;
        }
        if (normalised.equals("extracurricular")) {
            return CredentialKind.EXTRACURRICULAR_BADGE;
        }
        return CredentialKind.REGULAR_BADGE;
    }

    /** When only the assertion is known (a baked badge whose badge class cannot be fetched). */
    private static String fallbackTitle(JsonNode assertion) {
        String badgeUrl = text(assertion, "badge");
        String host = null;
        try {
            host = badgeUrl == null ? null : URI.create(badgeUrl).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        return host == null ? "Open Badge" : "Open Badge (" + host + ")";
    }

    private static String learner(JsonNode assertion, JsonNode badge) {
        String name = firstText(text(badge, "user"), text(assertion, "recipientName"));
        if (name != null) {
            return name;
        }
        JsonNode recipient = assertion.path("recipient");
        if (!recipient.isObject()) {
            return null;
        }
        String type = recipient.path("type").asText("identity");
        return recipient.path("hashed").asBoolean(false) ? type + " (hashed)" : recipient.path("identity").asText(null);
    }

    private static String awardingBody(JsonNode issuer) {
        String name = text(issuer, "name");
        String institution = extension(issuer, "InstitutionName");
        if (name != null && institution != null && !name.equals(institution)) {
            return name + " (" + institution + ")";
        }
        return firstText(name, institution);
    }

    private static List<String> learningOutcomes(JsonNode badge) {
        List<String> out = new ArrayList<>();
        String outcome = extension(badge, "LearningOutcome");
        if (outcome != null) {
            out.add(outcome);
        }
        return out;
    }

    private static StudyLoad studyLoad(JsonNode badge) {
        BigDecimal ects = number(badge, "ECTS");
        if (ects != null) {
            return new StudyLoad(ects, StudyLoad.Unit.ECTS);
        }
        BigDecimal sbu = number(badge, "StudyLoad");
        if (sbu != null) {
            return new StudyLoad(sbu, StudyLoad.Unit.SBU);
        }
        BigDecimal hours = number(badge, "TimeInvestment");
        return hours == null ? null : new StudyLoad(hours, StudyLoad.Unit.HOURS);
    }

    private static QualificationLevel level(JsonNode badge) {
        JsonNode eqf = extensionNode(badge, "EQF");
        Integer level = null;
        if (eqf.canConvertToInt() || eqf.isTextual()) {
            try {
                int value = Integer.parseInt(eqf.asText().trim());
                level = value >= 1 && value <= 8 ? value : null;
            } catch (NumberFormatException e) {
                level = null;
            }
        }
        return new QualificationLevel(level, null, null);
    }

    private static String supervision(JsonNode badge) {
        List<String> parts = new ArrayList<>();
        if (badge.path("assessmentSupervised").isBoolean()) {
            parts.add(badge.path("assessmentSupervised").asBoolean() ? "supervised" : "not supervised");
        }
        if (badge.path("assessmentIdVerified").isBoolean()) {
            parts.add(badge.path("assessmentIdVerified").asBoolean() ? "identity verified" : "identity not verified");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static String furtherInformation(JsonNode badge, JsonNode issuer) {
        List<String> parts = new ArrayList<>();
        JsonNode programme = extensionNode(badge, "EducationProgramIdentifier");
        if (programme.isArray() && programme.size() > 0) {
            List<String> ids = new ArrayList<>();
            programme.forEach(id -> ids.add(id.asText()));
            parts.add("programme " + String.join(", ", ids));
        } else if (programme.isNumber() || programme.isTextual()) {
            parts.add("programme " + programme.asText());
        }
        String institution = extension(issuer, "InstitutionIdentifier");
        if (institution != null) {
            parts.add("institution " + institution);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String language(JsonNode badge) {
        String language = extension(badge, "Language");
        if (language == null) {
            return null;
        }
        int underscore = language.indexOf('_');
        return (underscore > 0 ? language.substring(0, underscore) : language).toLowerCase(Locale.ROOT);
    }

    private static List<String> evidence(JsonNode evidence) {
        List<String> out = new ArrayList<>();
        if (evidence.isArray()) {
            for (JsonNode each : evidence) {
                String value = firstText(text(each, "name"), text(each, "narrative"), text(each, "id"));
                if (value != null) {
                    out.add(value);
                }
            }
        } else if (evidence.isTextual()) {
            out.add(evidence.asText());
        }
        return out;
    }

    /** An edubadges extension's value: {@code extensions:NameExtension} → its {@code Name} field. */
    private static JsonNode extensionNode(JsonNode node, String name) {
        return node.path(EXT + name + "Extension").path(name);
    }

    private static String extension(JsonNode node, String name) {
        JsonNode value = extensionNode(node, name);
        return value.isValueNode() && !value.isNull() && !value.asText().trim().isEmpty() ? value.asText() : null;
    }

    private static BigDecimal number(JsonNode node, String name) {
        JsonNode value = extensionNode(node, name);
        if (value.isNumber() && value.decimalValue().signum() >= 0) {
            return value.decimalValue();
        }
        return null;
    }

    /** OB 2.0 dates are ISO 8601 with an offset; edubadges writes microseconds. Unreadable dates are left out. */
    static Instant date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().trim().isEmpty() ? value.asText() : null;
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
