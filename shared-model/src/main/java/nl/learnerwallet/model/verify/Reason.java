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
    STATUS_INDEX_OUT_OF_RANGE,
    // SD-JWT (RFC 9901)
    /** A disclosure is not base64url of a JSON array [salt, name, value] or [salt, value]. */
    DISCLOSURE_INVALID,
    /** A disclosure's digest appears nowhere in the signed payload (or not where its form fits). */
    DISCLOSURE_NOT_REFERENCED,
    /** A digest appears more than once across the payload and the disclosures. */
    DIGEST_REPEATED,
    /** A disclosed claim is named {@code _sd} or {@code ...}, or already exists where it is disclosed. */
    DISCLOSURE_NAME_INVALID,
    /** A claim that must stay visible ({@code iss}, {@code vct}, {@code cnf}, {@code status}, ...) was made disclosable. */
    CLAIM_NOT_DISCLOSABLE,
    /** {@code _sd_alg} names a hash algorithm that is unknown or too weak. */
    HASH_ALGORITHM_NOT_ALLOWED,
    /** Disclosures are nested deeper than this wallet follows. */
    DISCLOSURES_TOO_DEEP,
    /** A key-binding JWT is required (a presentation) but missing. */
    KEY_BINDING_MISSING,
    /** A key-binding JWT where none belongs: an SD-JWT offered for import must be the issued credential. */
    KEY_BINDING_NOT_EXPECTED,
    /** The key-binding JWT's {@code sd_hash} is not over this SD-JWT and these disclosures. */
    SD_HASH_MISMATCH,
    /** The credential names no holder key ({@code cnf.jwk}) to check a key binding with. */
    NO_HOLDER_KEY
}
