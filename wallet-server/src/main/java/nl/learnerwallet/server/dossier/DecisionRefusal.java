package nl.learnerwallet.server.dossier;

import nl.learnerwallet.server.error.Refusal;

/** A decision the server does not take; the reason is the code programs and tests go by. */
public class DecisionRefusal extends Refusal {
    private static final long serialVersionUID = 1L;

    /** Why. {@code DECISION_EXISTS} is a conflict (409), {@code UNKNOWN_SHARE} not found, the rest unprocessable. */
    public enum Reason {
        UNKNOWN_SHARE, NOT_AN_EXEMPTION_DOSSIER, DECISION_TOO_LARGE, DECISION_MALFORMED, DECISION_SIGNATURE,
        DECISION_NOT_VALID, DECISION_OTHER_DOSSIER, DECISION_NOT_FOR_HOLDER, DECISION_FOLLOWS_UNKNOWN, DECISION_EXISTS,
        TOO_MANY_DECISIONS, DECISION_UNTRUSTED, TOO_MANY_POSTS
    }

    private final Reason reason;

    public DecisionRefusal(Reason reason, String message) {
        super(reason.name(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
