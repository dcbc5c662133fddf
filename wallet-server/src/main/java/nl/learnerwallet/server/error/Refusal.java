package nl.learnerwallet.server.error;

/**
 * A request the server refuses for a reason the client should hear: a stable code and one
 * sentence. Subtypes live where they arise; {@link RefusalHandler} decides their HTTP status.
 */
public abstract class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    protected Refusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** A stable code for programs, e.g. {@code STALE_VERSION}. */
    public String code() {
        return code;
    }
}
