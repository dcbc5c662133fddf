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
    // holder binding
    WRONG_AUDIENCE,
    WRONG_NONCE,
    STALE,
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
    SUSPENDED,
    // network formats (OB 2.0 hosted and signed, did:web, issuer profiles, status lists)
    /** The hosted copy answered 404: the issuer no longer publishes this badge (or it is private). */
    NO_LONGER_PUBLISHED,
    /** The issuer's server could not be reached, timed out or answered with an error. */
    ISSUER_UNREACHABLE,
    /** The issuer's server was refused: private address, too large, too many redirects, not HTTPS. */
    FETCH_REFUSED,
    /** The hosted assertion's id is outside the issuer's verification scope (origin or prefix). */
    HOSTED_ID_OUTSIDE_SCOPE,
    /** The document fetched is not the one its URL names (its id differs). */
    HOSTED_ID_MISMATCH,
    /** Passed: the imported copy differs from the issuer's hosted one; the hosted copy was used. */
    HOSTED_COPY_DIFFERS,
    /** Not checked because verification ran offline; the last online result stands. */
    NOT_CHECKED_OFFLINE,
    /** A proof type this wallet does not verify (for now Data Integrity proofs, eddsa-rdfc-2022). */
    UNSUPPORTED_PROOF_TYPE,
    /**
     * The status list could not be used: not a status list, bad encoding, over the decompression cap,
     * not signed by the credential's issuer, for another list, or expired.
     */
    STATUS_LIST_INVALID,
    /** The status list is shorter than the Bitstring Status List minimum of 131,072 entries. */
    STATUS_LIST_TOO_SHORT,
    /** The credential's status index is outside its status list. */
    STATUS_INDEX_OUT_OF_RANGE
}
