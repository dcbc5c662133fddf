package nl.learnerwallet.server.backup;

/** The account has no backup yet; answered with 404 {@code NO_BACKUP}. */
public class NoBackupException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    public NoBackupException() {
        super("NO_BACKUP", "this account has no backup yet");
    }
}
