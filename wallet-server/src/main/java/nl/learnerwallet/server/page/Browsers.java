package nl.learnerwallet.server.page;

import java.util.Locale;

/**
 * What kind of client asked, from its User-Agent: a browser family for the access log (never the
 * full string), and whether it is a link-preview fetcher, which must not use up a view.
 */
final class Browsers {

    private static final String[] PREVIEW_FETCHERS = {
        "facebookexternalhit", "facebot", "twitterbot", "slackbot", "linkedinbot", "whatsapp", "telegrambot",
        "discordbot", "skypeuripreview", "iframely", "embedly", "redditbot", "applebot", "pinterest", "googlebot",
        "bingbot", "mattermost", "microsoft teams", "teamsbot", "signal", "preview", "bot/", "crawler", "spider"
    };

    private Browsers() {
    }

    static boolean isPreviewFetcher(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String fetcher : PREVIEW_FETCHERS) {
            if (agent.contains(fetcher)) {
                return true;
            }
        }
        return false;
    }

    static String family(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return "unknown";
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (isPreviewFetcher(userAgent)) {
            return "link preview";
        }
        if (agent.contains("edg/")) {
            return "Edge";
        }
        if (agent.contains("opr/") || agent.contains("opera")) {
            return "Opera";
        }
        if (agent.contains("samsungbrowser")) {
            return "Samsung Internet";
        }
        if (agent.contains("firefox/")) {
            return "Firefox";
        }
        if (agent.contains("chrome/") || agent.contains("chromium/") || agent.contains("crios/")) {
            return "Chrome";
        }
        if (agent.contains("safari/")) {
            return "Safari";
        }
        if (agent.startsWith("curl/") || agent.startsWith("wget/") || agent.contains("okhttp") || agent.startsWith("java")) {
            return "program";
        }
        return "other";
    }
}
