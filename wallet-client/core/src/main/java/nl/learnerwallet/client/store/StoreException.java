package nl.learnerwallet.client.store;

import nl.learnerwallet.model.LearnerWalletException;

/** The local store could not be read or written. */
public class StoreException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
