package nl.learnerwallet.client.oid4vc;

import nl.learnerwallet.model.LearnerWalletException;

/**
 * An OpenID4VCI or OpenID4VP exchange could not go on; {@link #problem()} says why, the message
 * says it in one sentence for the learner. Nothing was stored or sent when this is thrown, except
 * where the problem says the other side refused what was sent.
 */
public class Oid4vcException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    /** Why the exchange stopped. */
    public enum Problem {
        /** The offer or request link or its JSON is not what the specification describes. */
        MALFORMED,
        /** The offer names a credential configuration that the issuer's metadata does not have. */
        UNKNOWN_CONFIGURATION,
        /** The issuer's metadata names another issuer than the offer (or the AS metadata another server). */
        METADATA_MISMATCH,
        /** The issuer or verifier asks for something this wallet does not do (a format, grant, response mode, client id prefix). */
        UNSUPPORTED,
        /** The offer needs a transaction code and none was given. */
        TRANSACTION_CODE_REQUIRED,
        /** The authorization server refused the grant (a wrong transaction code, a used or expired code). */
        GRANT_REFUSED,
        /** The learner did not finish signing in at the issuer, or the answer did not belong to this request. */
        AUTHORIZATION_FAILED,
        /** The issuer handed out a {@code c_nonce} this wallet has signed a proof for before. */
        NONCE_REPLAYED,
        /** The issuer refused the credential request. */
        ISSUER_REFUSED,
        /** Deferred issuance did not finish in the time the wallet waits. */
        DEFERRED_TIMEOUT,
        /** A signed request object's signature does not hold, or its signer is not the client. */
        BAD_REQUEST_SIGNATURE,
        /** The request object's {@code client_id} is not the one the link named. */
        CLIENT_ID_MISMATCH,
        /** The request expired. */
        EXPIRED,
        /** Nothing in the wallet satisfies the verifier's DCQL query. */
        NOTHING_MATCHES,
        /** The learner did not consent. */
        DECLINED,
        /** A URL to send to or fetch from is refused by the guarded fetcher (e.g. a private address). */
        ADDRESS_REFUSED,
        /** The other side could not be reached, or answered with something unusable. */
        UNREACHABLE,
        /** The verifier refused the presentation. */
        VERIFIER_REFUSED,
        /**
         * The request to answer is not the one the learner agreed to answer (read again, it asks
         * for more, or names another verifier, address, nonce or state): nothing was sent.
         */
        REQUEST_CHANGED
    }

    private final Problem problem;

    public Oid4vcException(Problem problem, String message) {
        this(problem, message, null);
    }

    public Oid4vcException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
