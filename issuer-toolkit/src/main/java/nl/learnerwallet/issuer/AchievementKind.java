package nl.learnerwallet.issuer;

import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.sdjwt.SdJwtVc;

/**
 * What a credential certifies, with the OB 3.0 {@code achievementType} that shared-model's
 * {@code Ob3CardMapper} reads as the card's kind (OB 3.0's own values where it has one, {@code ext:}
 * extensions otherwise) and the SD-JWT VC type ({@code vct}) it is issued as in that format.
 */
public enum AchievementKind implements NamedValue {
    MICROCREDENTIAL("microcredential", "MicroCredential", CredentialKind.MICROCREDENTIAL,
            SdJwtVc.LEARNER_WALLET_MICROCREDENTIAL),
    BADGE("badge", "Badge", CredentialKind.REGULAR_BADGE, SdJwtVc.EU_LEARNING_CREDENTIAL),
    EXTRACURRICULAR("extracurricular", "ext:ExtraCurricular", CredentialKind.EXTRACURRICULAR_BADGE,
            SdJwtVc.EU_LEARNING_CREDENTIAL),
    DIPLOMA("diploma", "Diploma", CredentialKind.DIPLOMA, SdJwtVc.LEARNER_WALLET_DIPLOMA),
    WORK_EXPERIENCE("work-experience", "ext:WorkExperience", CredentialKind.WORK_EXPERIENCE,
            SdJwtVc.EU_LEARNING_CREDENTIAL),
    /** An exam committee's decision on an exemption ("vrijstelling"); OB 3.0 has no type for it. */
    EXEMPTION_DECISION("exemption-decision", "ext:ExemptionDecision", CredentialKind.OTHER,
            SdJwtVc.EU_LEARNING_CREDENTIAL);

    private final String id;
    private final String achievementType;
    private final CredentialKind intendedKind;
    private final String sdJwtType;

    AchievementKind(String id, String achievementType, CredentialKind intendedKind, String sdJwtType) {
        this.id = id;
        this.achievementType = achievementType;
        this.intendedKind = intendedKind;
        this.sdJwtType = sdJwtType;
    }

    /** As on the command line: {@code microcredential}, {@code work-experience}, ... */
    @Override
    public String id() {
        return id;
    }

    /** The OB 3.0 {@code achievementType}. */
    public String achievementType() {
        return achievementType;
    }

    /**
     * The kind a wallet should show it as. The card shared-model reads may differ where the format
     * has no word for it (an exemption decision in OB 3.0, any kind but microcredentials and diplomas
     * in an EU Learning Credential); {@link IssueResult#card()} says what it reads.
     */
    public CredentialKind intendedKind() {
        return intendedKind;
    }

    /** The {@code vct} when issued as an SD-JWT VC. */
    public String sdJwtType() {
        return sdJwtType;
    }

    /** @throws IssuerException {@code BAD_FIELD} [kind] */
    public static AchievementKind of(String id) {
        return NamedValue.of(values(), id, "kind");
    }
}
