package nl.learnerwallet.server.backup;

/** A backup upload was refused ({@code QUOTA_EXCEEDED}). */
public class QuotaExceededException extends nl.learnerwallet.server.error.Refusal {
    private static final long serialVersionUID = 1L;

    private final long quotaBytes;

    public QuotaExceededException(long quotaBytes) {
        super("QUOTA_EXCEEDED", "the account's backups would exceed its quota");
        this.quotaBytes = quotaBytes;
    }

    public long quotaBytes() {
        return quotaBytes;
    }
}
