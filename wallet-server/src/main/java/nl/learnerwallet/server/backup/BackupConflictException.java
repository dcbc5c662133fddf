package nl.learnerwallet.server.backup;

/** A backup upload was refused ({@code STALE_VERSION}). */
public class BackupConflictException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public BackupConflictException(long currentVersion) {
        super("STALE_VERSION", "the backup changed since you last saw it (version " + currentVersion + "); fetch, merge and try again");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
