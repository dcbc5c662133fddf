package nl.learnerwallet.server.share;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Counts a view and writes the access log entry, in one short transaction. */
@Singleton
public class ViewLog {

    private final ShareRepository shares;
    private final ShareViewRepository views;

    public ViewLog(ShareRepository shares, ShareViewRepository views) {
        this.shares = shares;
        this.views = views;
    }

    /** @return false when the view could not be counted (the link went over its limit or died meanwhile) */
    @Transactional
    public boolean record(String shareId, ViewKind kind, String browser, long now, String entryId) {
        if (kind == ViewKind.VIEW && shares.countView(shareId, now) == 0) {
            return false;
        }
        views.save(new ShareView(entryId, shareId, now, kind.name(), browser));
        return true;
    }
}
