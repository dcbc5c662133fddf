package nl.learnerwallet.server.share;

/** How a share link was reached: a person's view (counted), a link-preview fetcher, a HEAD request, or a download of the raw presentation. */
public enum ViewKind {
    VIEW,
    PREVIEW,
    HEAD
}
