package nl.learnerwallet.server.page;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The headers every share page and its assets carry: a strict Content-Security-Policy (no
 * scripts at all, styles only from this server), no referrer (the token is in the URL), no
 * caching, no framing, no content sniffing.
 */
@ServerFilter({"/s/**", "/assets/**"})
public class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @ResponseFilter
    public void headers(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cache-Control", "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
    }
}
