package nl.learnerwallet.model.card;

/** What a credential is, as the learner and an employer should see it at a glance. */
public enum CredentialKind {
    MICROCREDENTIAL,
    REGULAR_BADGE,
    EXTRACURRICULAR_BADGE,
    DIPLOMA,
    WORK_EXPERIENCE,
    OTHER
}
