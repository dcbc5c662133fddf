package nl.learnerwallet.server.auth;

/** A request did not prove possession of an account key; answered with 401. */
public class AuthenticationException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    /** Why, for logs and tests; the client gets one sentence. */
    public enum Reason { MISSING, MALFORMED, STALE, BAD_SIGNATURE, REPLAYED, UNKNOWN_ACCOUNT }

    private final Reason reason;

    public AuthenticationException(Reason reason, String message) {
        super(reason.name(), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
