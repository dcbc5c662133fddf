package nl.learnerwallet.client.home;

import java.nio.file.Path;
import nl.learnerwallet.model.LearnerWalletException;

/** The wallet's folder cannot be used as asked; {@link #problem()} says why and {@link #path()} where. */
public class WalletHomeException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the folder. */
    public enum Problem {
        /** There is no wallet in the folder yet. */
        NO_WALLET,
        /** The folder or its database cannot be created, opened or written. */
        HOME_UNUSABLE,
        /** The trust list file is there but cannot be read as one. */
        TRUST_LIST_DAMAGED
    }

    private final Problem problem;
    private final transient Path path;

    public WalletHomeException(Problem problem, Path path, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.path = path;
    }

    public Problem problem() {
        return problem;
    }

    /** The folder or file concerned. */
    public Path path() {
        return path;
    }
}
