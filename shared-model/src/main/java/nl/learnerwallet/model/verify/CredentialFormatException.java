package nl.learnerwallet.model.verify;

import nl.learnerwallet.model.LearnerWalletException;

/** A credential could not be read as its format requires; {@link #reason()} says how it failed. */
public class CredentialFormatException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public CredentialFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public CredentialFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
