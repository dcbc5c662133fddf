package nl.learnerwallet.client.sync;

import java.net.URI;
import java.net.URISyntaxException;

/** Wallet server addresses as learners type them. */
public final class ServerUrls {

    private ServerUrls() {
    }

    /**
     * The address as an http(s) URL without a trailing slash.
     *
     * @throws IllegalArgumentException when it is not an http:// or https:// address with a host
     */
    public static String normalise(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not http(s)");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is not an http:// or https:// address", e);
        }
    }
}
