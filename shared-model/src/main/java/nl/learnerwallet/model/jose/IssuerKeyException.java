package nl.learnerwallet.model.jose;

import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.verify.Reason;

/** An issuer's keys could not be found; {@link #reason()} tells whether that is its fault or ours. */
public class IssuerKeyException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public IssuerKeyException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public IssuerKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
