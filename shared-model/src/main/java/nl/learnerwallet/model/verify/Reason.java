package nl.learnerwallet.model.verify;

/**
 * Why a check came out as it did. Tests and programs assert on these; the wording shown to
 * people lives in the clients' message bundles.
 */
public enum Reason {
    // passed
    OK,
    NO_RECIPIENT_NAMED,
    NO_STATUS_PUBLISHED,
    NO_VALIDITY_LIMITS,
    // format
    TOO_LARGE,
    NOT_A_JWT,
    BAD_ENCODING,
    BAD_JSON,
    NOT_A_CREDENTIAL,
    WRONG_TOKEN_TYPE,
    BAD_CLAIM,
    // signature and keys
    ALGORITHM_NOT_ALLOWED,
    UNSUPPORTED_CRITICAL_HEADER,
    BAD_SIGNATURE,
    KEY_URL_NOT_ALLOWED,
    HEADER_KEY_NOT_ISSUERS,
    KID_NOT_ISSUERS,
    ISSUER_KEY_UNRESOLVABLE,
    UNSUPPORTED_ISSUER_METHOD,
    ISSUER_MISMATCH,
    // trust
    ISSUER_NOT_TRUSTED,
    // recipient
    RECIPIENT_NOT_MATCHED,
    // validity
    EXPIRED,
    NOT_YET_VALID,
    // status
    STATUS_NOT_CHECKABLE,
    REVOKED,
    SUSPENDED
}
