package nl.learnerwallet.model.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import nl.learnerwallet.model.json.StrictJson;

/**
 * A card as JSON for people's tools and the share page: every field the card has, the EU
 * standard elements present, and for a microcredential the mandatory ones missing.
 */
public final class CardJson {

    private CardJson() {
    }

    public static ObjectNode write(CredentialCard card) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("kind", card.kind().name());
        node.put("selfDeclared", card.selfDeclared());
        text(node, "title", card.title());
        text(node, "description", card.description());
        text(node, "achievementType", card.achievementType());
        text(node, "learner", card.learner());
        text(node, "awardingBody", card.awardingBody());
        text(node, "issuerId", card.issuerId());
        text(node, "issuerCountry", card.issuerCountry());
        time(node, "issuedOn", card.issuedOn());
        time(node, "validFrom", card.validFrom());
        time(node, "expiresOn", card.expiresOn());
        ArrayNode outcomes = node.putArray("learningOutcomes");
        card.learningOutcomes().forEach(outcomes::add);
        if (card.studyLoad() != null) {
            ObjectNode load = node.putObject("studyLoad");
            load.put("amount", card.studyLoad().amount());
            load.put("unit", card.studyLoad().unit().name());
        }
        if (!card.level().isEmpty()) {
            ObjectNode level = node.putObject("level");
            if (card.level().eqf() != null) {
                level.put("eqf", card.level().eqf());
            }
            text(level, "nlqf", card.level().nlqf());
            text(level, "qfEhea", card.level().qfEhea());
        }
        text(node, "assessmentType", card.assessmentType());
        text(node, "participationForm", card.participationForm());
        text(node, "qualityAssurance", card.qualityAssurance());
        text(node, "prerequisites", card.prerequisites());
        text(node, "supervisionAndIdentityVerification", card.supervisionAndIdentityVerification());
        text(node, "grade", card.grade());
        text(node, "integrationStackability", card.integrationStackability());
        text(node, "furtherInformation", card.furtherInformation());
        text(node, "criteria", card.criteria());
        ArrayNode evidence = node.putArray("evidence");
        card.evidence().forEach(evidence::add);
        text(node, "language", card.language());
        text(node, "fieldOfStudy", card.fieldOfStudy());
        text(node, "programmeCode", card.programmeCode());
        if (card.workPeriod() != null) {
            ObjectNode period = node.putObject("workPeriod");
            period.put("from", card.workPeriod().from().toString());
            if (card.workPeriod().to() != null) {
                period.put("to", card.workPeriod().to().toString());
            }
        }
        if (!card.disclosableClaims().isEmpty()) {
            ArrayNode disclosable = node.putArray("disclosableClaims");
            card.disclosableClaims().forEach(disclosable::add);
        }
        ArrayNode present = node.putArray("euElementsPresent");
        for (EuStandardElement element : Completeness.present(card)) {
            present.add(element.id());
        }
        if (card.kind() == CredentialKind.MICROCREDENTIAL) {
            ArrayNode missing = node.putArray("euElementsMissing");
            for (EuStandardElement element : Completeness.missingMandatory(card)) {
                missing.add(element.id());
            }
        }
        return node;
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void time(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }
}
