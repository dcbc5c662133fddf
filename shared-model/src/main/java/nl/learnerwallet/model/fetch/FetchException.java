package nl.learnerwallet.model.fetch;

import nl.learnerwallet.model.LearnerWalletException;

/** A guarded fetch failed; {@link #problem()} says how, {@link #httpStatus()} the status for {@code HTTP_STATUS}. */
public class FetchException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    private final FetchProblem problem;
    private final int httpStatus;

    public FetchException(FetchProblem problem, String message) {
        this(problem, 0, message, null);
    }

    public FetchException(FetchProblem problem, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.httpStatus = httpStatus;
    }

    public FetchProblem problem() {
        return problem;
    }

    /** The HTTP status for {@code HTTP_STATUS}, else 0. */
    public int httpStatus() {
        return httpStatus;
    }
}
