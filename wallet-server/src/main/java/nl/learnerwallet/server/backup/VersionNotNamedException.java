package nl.learnerwallet.server.backup;

/** An upload did not say which version it replaces; answered with 428 {@code PRECONDITION_REQUIRED}. */
public class VersionNotNamedException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    public VersionNotNamedException() {
        super("PRECONDITION_REQUIRED", "say which version this upload replaces with If-Match (\"0\" for the first)");
    }
}
