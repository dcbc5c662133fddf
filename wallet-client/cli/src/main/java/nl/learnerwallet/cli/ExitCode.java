package nl.learnerwallet.cli;

/** The exit codes of the command contract. */
public final class ExitCode {
    /** Success, or {@code verify} found VERIFIED. */
    public static final int OK = 0;
    /** {@code verify} found anything but VERIFIED, UNVERIFIABLE or MALFORMED; {@code import} refused a tampered input. */
    public static final int NOT_VERIFIED = 1;
    /** Bad input or usage (MALFORMED). */
    public static final int BAD_INPUT = 2;
    /** Could not verify or reach a server (UNVERIFIABLE, network). */
    public static final int UNREACHABLE = 3;

    private ExitCode() {
    }

    /** What {@code verify} exits with for a summary status. */
    public static int forStatus(nl.learnerwallet.model.verify.VerificationStatus status) {
        switch (status) {
            case VERIFIED: return OK;
            case MALFORMED: return BAD_INPUT;
            case UNVERIFIABLE: return UNREACHABLE;
            default: return NOT_VERIFIED;
        }
    }
}
