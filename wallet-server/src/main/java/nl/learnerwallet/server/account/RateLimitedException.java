package nl.learnerwallet.server.account;

import nl.learnerwallet.server.error.Refusal;

/** A client asked too often; answered with 429 and when to try again. */
public class RateLimitedException extends Refusal {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super("RATE_LIMITED", message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
