package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.StudyLoad;

/**
 * The card of an SD-JWT VC, from the claims as disclosed. Two types are read in full:
 * <ul>
 * <li>the EU Learning Credential ({@value SdJwtVc#EU_LEARNING_CREDENTIAL}): {@code issuing_authority},
 *     {@code issuing_country}, {@code date_of_issuance}, {@code family_name}, {@code given_name},
 *     {@code achievement_title}, and optionally {@code achievement_description},
 *     {@code learning_outcomes}, {@code assessment_grade}, {@code date_of_expiry};</li>
 * <li>our microcredential ({@value SdJwtVc#LEARNER_WALLET_MICROCREDENTIAL}): the same claims plus
 *     every EU standard element — {@code workload} ({@code ects}, {@code sbu} or {@code hours}),
 *     {@code level} ({@code eqf}, {@code nlqf}, {@code qf_ehea}), {@code assessment_type},
 *     {@code participation_form}, {@code quality_assurance}, {@code prerequisites},
 *     {@code supervision_and_identity_verification}, {@code integration_stackability},
 *     {@code further_information}.</li>
 * </ul>
 * and our diploma ({@value SdJwtVc#LEARNER_WALLET_DIPLOMA}): {@code achievement_title} (the
 * programme), {@code programme_code} ("CROHO 34479" / "CREBO 25180"), {@code level},
 * {@code issuing_authority}, {@code date_of_issuance}, {@code assessment_grade} and the learner's name.
 * An {@code achievement_type} claim (OB 3.0's word: {@code Badge}, {@code ext:ExtraCurricular},
 * {@code ext:WorkExperience}, ...) says which kind a credential of any of these types is.
 * Other types get a card of what is generally named ({@code name}, {@code description}).
 */
public final class SdJwtCardMapper {

    private static final List<String> EU_LEARNING_CREDENTIAL_CLAIMS = Arrays.asList(
            "achievement_title", "achievement_description", "given_name", "family_name", "issuing_authority",
            "issuing_country", "date_of_issuance", "date_of_expiry", "learning_outcomes", "assessment_grade");
    private static final List<String> DIPLOMA_CLAIMS = Arrays.asList(
            "achievement_title", "programme_code", "level", "given_name", "family_name", "issuing_authority",
            "issuing_country", "date_of_issuance", "assessment_grade");
    private static final List<String> MICROCREDENTIAL_EXTRA_CLAIMS = Arrays.asList(
            "workload", "level", "assessment_type", "participation_form", "quality_assurance", "prerequisites",
            "supervision_and_identity_verification", "integration_stackability", "further_information");

    private SdJwtCardMapper() {
    }

    /**
     * The claims a credential of this type can carry, in the order a person reads them; empty for
     * types we do not know. A share page names the ones a presentation does not show as withheld.
     */
    public static List<String> knownClaims(String vct) {
        if (SdJwtVc.EU_LEARNING_CREDENTIAL.equals(vct)) {
            return EU_LEARNING_CREDENTIAL_CLAIMS;
        }
        if (SdJwtVc.LEARNER_WALLET_DIPLOMA.equals(vct)) {
            return DIPLOMA_CLAIMS;
        }
        if (SdJwtVc.LEARNER_WALLET_MICROCREDENTIAL.equals(vct)) {
            List<String> all = new ArrayList<>(EU_LEARNING_CREDENTIAL_CLAIMS);
            all.addAll(MICROCREDENTIAL_EXTRA_CLAIMS);
            return all;
        }
        return Collections.emptyList();
    }

    /** The known claims of the credential's type that these claims do not show. */
    public static List<String> withheldClaims(SdJwtVc credential) {
        List<String> withheld = new ArrayList<>();
        for (String claim : knownClaims(credential.type())) {
            if (!credential.claims().has(claim)) {
                withheld.add(claim);
            }
        }
        return withheld;
    }

    public static CredentialCard map(SdJwtVc credential) {
        JsonNode claims = credential.claims();
        boolean known = !knownClaims(credential.type()).isEmpty();
        String achievementType = text(claims, "achievement_type");
        CredentialKind kind = achievementType != null
                ? nl.learnerwallet.model.format.Ob3CardMapper.kindOf(achievementType, claims, claims)
                : SdJwtVc.LEARNER_WALLET_DIPLOMA.equals(credential.type()) ? CredentialKind.DIPLOMA
                : known ? CredentialKind.MICROCREDENTIAL : CredentialKind.OTHER;
        CredentialCard.Builder card = CredentialCard.builder(kind)
                .issuerId(credential.issuer())
                .achievementType(credential.type())
                .disclosableClaims(credential.disclosablePaths())
                .title(firstText(text(claims, "achievement_title"), text(claims, "name"), text(claims, "title")))
                .description(firstText(text(claims, "achievement_description"), text(claims, "description")))
                .learner(learner(claims))
                .awardingBody(text(claims, "issuing_authority"))
                .issuerCountry(text(claims, "issuing_country"))
                .issuedOn(firstInstant(date(claims, "date_of_issuance"), credential.issuedAt()))
                .validFrom(credential.notBefore())
                .expiresOn(firstInstant(credential.expires(), date(claims, "date_of_expiry")))
                .learningOutcomes(texts(claims.get("learning_outcomes")))
                .grade(text(claims, "assessment_grade"))
                .studyLoad(studyLoad(claims.get("workload")))
                .level(level(claims.get("level")))
                .assessmentType(text(claims, "assessment_type"))
                .participationForm(text(claims, "participation_form"))
                .qualityAssurance(text(claims, "quality_assurance"))
                .prerequisites(text(claims, "prerequisites"))
                .supervisionAndIdentityVerification(text(claims, "supervision_and_identity_verification"))
                .integrationStackability(text(claims, "integration_stackability"))
                .furtherInformation(text(claims, "further_information"))
                .programmeCode(text(claims, "programme_code"));
        return card.build();
    }

    private static String learner(JsonNode claims) {
        String given = text(claims, "given_name");
        String family = text(claims, "family_name");
        if (given == null && family == null) {
            return null;
        }
        return given == null ? family : family == null ? given : given + " " + family;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isTextual() && !node.asText().trim().isEmpty()) {
            out.add(node.asText().trim());
        }
        if (node.isArray()) {
            for (JsonNode each : node) {
                String value = each.isTextual() ? each.asText() : each.path("name").asText(each.path("description").asText(""));
                if (!value.trim().isEmpty()) {
                    out.add(value.trim());
                }
            }
        }
        return out;
    }

    private static StudyLoad studyLoad(JsonNode workload) {
        if (workload == null || !workload.isObject()) {
            return null;
        }
        String[] fields = {"ects", "sbu", "hours"};
        StudyLoad.Unit[] units = {StudyLoad.Unit.ECTS, StudyLoad.Unit.SBU, StudyLoad.Unit.HOURS};
        for (int i = 0; i < fields.length; i++) {
            JsonNode amount = workload.get(fields[i]);
            if (amount != null && amount.isNumber() && amount.decimalValue().signum() >= 0
                    && amount.decimalValue().compareTo(BigDecimal.valueOf(100000)) < 0) {
                return new StudyLoad(amount.decimalValue(), units[i]);
            }
        }
        return null;
    }

    private static QualificationLevel level(JsonNode level) {
        if (level == null || !level.isObject()) {
            return null;
        }
        JsonNode eqf = level.get("eqf");
        Integer eqfLevel = eqf != null && eqf.canConvertToInt() && eqf.asInt() >= 1 && eqf.asInt() <= 8 ? eqf.asInt() : null;
        return new QualificationLevel(eqfLevel, text(level, "nlqf"), text(level, "qf_ehea"));
    }

    /** A full-date claim (ISO 8601 {@code 2026-06-30}, or a date-time) as the start of that day in UTC. */
    private static Instant date(JsonNode claims, String field) {
        String value = text(claims, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.isNumber() ? value.asText() : null;
        return text == null || text.trim().isEmpty() ? null : text.trim();
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Instant firstInstant(Instant first, Instant second) {
        return first != null ? first : second;
    }
}
