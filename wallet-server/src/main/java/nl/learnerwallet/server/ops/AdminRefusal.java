package nl.learnerwallet.server.ops;

import nl.learnerwallet.server.error.Refusal;

/** An operator's action the server does not carry out; the reason is what scripts and tests go by. */
public class AdminRefusal extends Refusal {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason { UNKNOWN_SHARE, UNKNOWN_ACCOUNT, ALREADY_DONE, NO_REASON, BAD_USAGE }

    private final Reason reason;

    public AdminRefusal(Reason reason, String message) {
        super(reason.name(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
