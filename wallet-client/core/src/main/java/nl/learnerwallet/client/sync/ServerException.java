package nl.learnerwallet.client.sync;

import nl.learnerwallet.model.LearnerWalletException;

/** The wallet server could not be reached or refused a request; {@link #problem()} says which. */
public class ServerException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Problem {
        UNREACHABLE,
        UNAUTHORIZED,
        UNKNOWN_ACCOUNT,
        NO_BACKUP,
        STALE_VERSION,
        PRECONDITION_REQUIRED,
        TOO_LARGE,
        QUOTA_EXCEEDED,
        RATE_LIMITED,
        ROLLBACK,
        NOT_AUTHENTIC,
        NOT_REGISTERED,
        UNKNOWN_SHARE,
        SHARE_REFUSED,
        /** The server's operator suspended the account: every request is refused until they lift it. */
        ACCOUNT_SUSPENDED,
        PROTOCOL
    }

    private final Problem problem;
    private final long currentVersion;

    public ServerException(Problem problem, String message) {
        this(problem, message, -1, null);
    }

    public ServerException(Problem problem, String message, long currentVersion, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.currentVersion = currentVersion;
    }

    public Problem problem() {
        return problem;
    }

    /** For {@code STALE_VERSION}: the version the server has now; otherwise -1. */
    public long currentVersion() {
        return currentVersion;
    }
}
