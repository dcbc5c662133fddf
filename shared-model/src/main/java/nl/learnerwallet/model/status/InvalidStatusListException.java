package nl.learnerwallet.model.status;

import nl.learnerwallet.model.verify.Reason;

/**
 * A status list (Bitstring or Token Status List) that cannot be used, or an index it does not hold;
 * {@link #reason()} says which. A check reports it as inconclusive, never as "not revoked".
 */
public final class InvalidStatusListException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    InvalidStatusListException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
