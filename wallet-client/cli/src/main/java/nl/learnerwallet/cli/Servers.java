package nl.learnerwallet.cli;

import nl.learnerwallet.client.sync.ServerUrls;

/** Server addresses as the learner types them. */
final class Servers {

    private Servers() {
    }

    /** An http(s) URL without a trailing slash. */
    static String normalise(String url) {
        try {
            return ServerUrls.normalise(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_SERVER_URL", Messages.get("error.badServerUrl", url));
        }
    }
}
