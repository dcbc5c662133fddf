package nl.learnerwallet.client.keys;

import nl.learnerwallet.model.LearnerWalletException;

/** The text given as a recovery code is not one (mistyped, wrong length, bad characters). */
public class InvalidRecoveryCodeException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    public InvalidRecoveryCodeException(String message) {
        super(message);
    }
}
