package nl.learnerwallet.model.card;

/**
 * The standard elements that describe a micro-credential, from the Annex I of the EU Council
 * Recommendation of 16 June 2022 on a European approach to micro-credentials. The first eleven
 * are mandatory; the rest optional.
 */
public enum EuStandardElement {
    LEARNER_IDENTIFICATION(true),
    TITLE(true),
    ISSUER_COUNTRY(true),
    AWARDING_BODY(true),
    DATE_OF_ISSUE(true),
    LEARNING_OUTCOMES(true),
    NOTIONAL_WORKLOAD(true),
    LEVEL(true),
    TYPE_OF_ASSESSMENT(true),
    FORM_OF_PARTICIPATION(true),
    TYPE_OF_QUALITY_ASSURANCE(true),
    PREREQUISITES(false),
    SUPERVISION_AND_IDENTITY_VERIFICATION(false),
    GRADE(false),
    INTEGRATION_STACKABILITY(false),
    FURTHER_INFORMATION(false);

    private final boolean mandatory;

    EuStandardElement(boolean mandatory) {
        this.mandatory = mandatory;
    }

    public boolean mandatory() {
        return mandatory;
    }

    /** The element as it is named in JSON and on screen: {@code learner-identification}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
