package nl.learnerwallet.model.card;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which EU standard elements a card carries, and which mandatory ones a microcredential lacks.
 * Only microcredentials are held to the EU standard elements; for other kinds nothing is missing.
 */
public final class Completeness {

    private Completeness() {
    }

    /** The mandatory EU elements this card lacks; empty when complete or not a microcredential. */
    public static List<EuStandardElement> missingMandatory(CredentialCard card) {
        if (card.kind() != CredentialKind.MICROCREDENTIAL) {
            return Collections.emptyList();
        }
        Set<EuStandardElement> present = present(card);
        List<EuStandardElement> missing = new ArrayList<>();
        for (EuStandardElement element : EuStandardElement.values()) {
            if (element.mandatory() && !present.contains(element)) {
                missing.add(element);
            }
        }
        return Collections.unmodifiableList(missing);
    }

    /** Every EU standard element, mandatory or optional, that this card carries. */
    public static Set<EuStandardElement> present(CredentialCard card) {
        Set<EuStandardElement> present = EnumSet.noneOf(EuStandardElement.class);
        addIf(present, EuStandardElement.LEARNER_IDENTIFICATION, card.learner());
        addIf(present, EuStandardElement.TITLE, card.title());
        addIf(present, EuStandardElement.ISSUER_COUNTRY, card.issuerCountry());
        addIf(present, EuStandardElement.AWARDING_BODY, card.awardingBody());
        if (card.issuedOn() != null) {
            present.add(EuStandardElement.DATE_OF_ISSUE);
        }
        if (!card.learningOutcomes().isEmpty()) {
            present.add(EuStandardElement.LEARNING_OUTCOMES);
        }
        if (card.studyLoad() != null) {
            present.add(EuStandardElement.NOTIONAL_WORKLOAD);
        }
        if (!card.level().isEmpty()) {
            present.add(EuStandardElement.LEVEL);
        }
        addIf(present, EuStandardElement.TYPE_OF_ASSESSMENT, card.assessmentType());
        addIf(present, EuStandardElement.FORM_OF_PARTICIPATION, card.participationForm());
        addIf(present, EuStandardElement.TYPE_OF_QUALITY_ASSURANCE, card.qualityAssurance());
        addIf(present, EuStandardElement.PREREQUISITES, card.prerequisites());
        addIf(present, EuStandardElement.SUPERVISION_AND_IDENTITY_VERIFICATION,
                card.supervisionAndIdentityVerification());
        addIf(present, EuStandardElement.GRADE, card.grade());
        addIf(present, EuStandardElement.INTEGRATION_STACKABILITY, card.integrationStackability());
        addIf(present, EuStandardElement.FURTHER_INFORMATION, card.furtherInformation());
        return present;
    }

    private static void addIf(Set<EuStandardElement> present, EuStandardElement element, String value) {
        if (value != null && !value.trim().isEmpty()) {
            present.add(element);
        }
    }
}
