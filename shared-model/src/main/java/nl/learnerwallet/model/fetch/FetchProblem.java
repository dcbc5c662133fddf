package nl.learnerwallet.model.fetch;

/** Why a fetch failed. Tests and callers assert on these, never on messages. */
public enum FetchProblem {
    /** The body was larger than the limit (it was not read past the limit). */
    TOO_LARGE,
    /** Connecting, reading or the whole call took longer than allowed. */
    TIMEOUT,
    /** The host resolved to a private, loopback, link-local or metadata address. */
    PRIVATE_ADDRESS,
    TOO_MANY_REDIRECTS,
    /** The server answered with a status other than 200; {@link FetchException#httpStatus()} has it. */
    HTTP_STATUS,
    /** The host could not be resolved or connected to, or the connection broke. */
    UNREACHABLE,
    /** HTTPS was required (did:web) and the URL or a redirect was not HTTPS. */
    NOT_HTTPS,
    /** The URL is not an absolute http(s) URL. */
    BAD_URL
}
