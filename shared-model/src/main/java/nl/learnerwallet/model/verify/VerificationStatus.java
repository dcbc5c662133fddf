package nl.learnerwallet.model.verify;

/**
 * The summary of a report. The declaration order is the precedence order of DESIGN.md: the
 * first status whose check failed wins.
 */
public enum VerificationStatus {
    MALFORMED,
    TAMPERED,
    REVOKED,
    EXPIRED,
    NOT_RECIPIENT,
    UNKNOWN_ISSUER,
    UNVERIFIABLE,
    SELF_DECLARED,
    VERIFIED
}
