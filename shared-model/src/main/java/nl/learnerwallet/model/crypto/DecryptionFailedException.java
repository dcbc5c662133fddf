package nl.learnerwallet.model.crypto;

import nl.learnerwallet.model.LearnerWalletException;

/** Authenticated decryption failed: a wrong key, or data that was altered. */
public class DecryptionFailedException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    public DecryptionFailedException(String message) {
        super(message);
    }
}
