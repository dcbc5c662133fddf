package nl.learnerwallet.client.wallet;

import nl.learnerwallet.model.LearnerWalletException;

/**
 * Something the learner asked of the wallet cannot be done as asked; {@link #problem()} says what,
 * for programs and tests, and the message says it in one sentence for people.
 */
public class WalletException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        NO_WALLET,
        WALLET_EXISTS,
        WRONG_PASSPHRASE,
        WEAK_PASSPHRASE,
        WRONG_RECOVERY_CODE,
        UNKNOWN_CREDENTIAL,
        AMBIGUOUS_ID,
        BAD_IDENTITY,
        /** Only work experience the learner added themselves can be sent to an employer for attestation. */
        NOT_ATTESTABLE,
        DAMAGED
    }

    private final Problem problem;

    public WalletException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public WalletException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
