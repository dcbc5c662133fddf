package nl.learnerwallet.server.backup;

/** A backup upload was refused ({@code TOO_LARGE}). */
public class BackupTooLargeException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public BackupTooLargeException(long limitBytes) {
        super("TOO_LARGE", "the backup is larger than the server accepts");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
