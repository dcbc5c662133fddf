package nl.learnerwallet.server.share;

import nl.learnerwallet.server.error.Refusal;

/** A share request the server refuses; the code says why ({@code UNKNOWN_SHARE}, {@code BAD_PRESENTATION}, ...). */
public class ShareRefusal extends Refusal {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason { UNKNOWN_SHARE, BAD_REQUEST, WRONG_TOKEN, ALREADY_UPLOADED, BAD_PRESENTATION }

    private final Reason reason;

    public ShareRefusal(Reason reason, String message) {
        super(reason.name(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
