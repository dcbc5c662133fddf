package nl.learnerwallet.cli;

import java.net.URI;
import java.net.URISyntaxException;

/** Server addresses as the learner types them. */
final class Servers {

    private Servers() {
    }

    /** An http(s) URL without a trailing slash. */
    static String normalise(String url) {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(url, "not http(s)");
            }
            String text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_SERVER_URL", Messages.get("error.badServerUrl", url));
        }
    }
}
