package nl.learnerwallet.cli;

/** Ends a command with an exit code and one sentence for stderr (already in the learner's language). */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String code;

    CliException(int exitCode, String code, String sentence) {
        super(sentence);
        this.exitCode = exitCode;
        this.code = code;
    }

    int exitCode() {
        return exitCode;
    }

    /** A stable code for {@code --json} error documents, e.g. {@code WRONG_PASSPHRASE}. */
    String code() {
        return code;
    }
}
