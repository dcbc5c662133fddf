package nl.learnerwallet.model.json;

import nl.learnerwallet.model.LearnerWalletException;

/** Untrusted input was refused before parsing finished; {@link #problem()} says why. */
public class UntrustedInputException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    private final InputProblem problem;

    public UntrustedInputException(InputProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public UntrustedInputException(InputProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
