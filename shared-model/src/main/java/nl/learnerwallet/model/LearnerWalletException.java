package nl.learnerwallet.model;

/**
 * The one unchecked base of Learner Wallet's exceptions, for bugs and infrastructure failures.
 * A bad credential is not an exception: verification returns a report. Subtypes are defined
 * where they arise and are named for what failed.
 */
public class LearnerWalletException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LearnerWalletException(String message) {
        super(message);
    }

    public LearnerWalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
