package nl.learnerwallet.client.oid4vc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;

/** The query of an offer or request link, whatever its scheme (custom schemes have no authority to speak of). */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * @param what what the link is, for messages ("a credential offer")
     * @param schemes the accepted schemes with their colon, lower case
     */
    static Map<String, List<String>> of(String link, String what, String... schemes) {
        String lower = link.toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String scheme : schemes) {
            known |= lower.startsWith(scheme);
        }
        if (!known) {
            throw new Oid4vcException(Problem.MALFORMED, "this is not " + what + " link");
        }
        String query;
        try {
            query = new URI(link).getRawQuery();
        } catch (URISyntaxException e) {
            throw new Oid4vcException(Problem.MALFORMED, "this is not " + what + " link: " + e.getReason());
        }
        if (query == null || query.isEmpty()) {
            throw new Oid4vcException(Problem.MALFORMED, "the " + what.replaceFirst("^an? ", "") + " link has no parameters");
        }
        return com.nimbusds.oauth2.sdk.util.URLUtils.parseParameters(query);
    }

    /** The one value of a parameter, or null when absent; a repeated parameter is refused, never guessed. */
    static String single(Map<String, List<String>> parameters, String name, String what) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new Oid4vcException(Problem.MALFORMED, what + " names " + name + " more than once");
        }
        String value = values.get(0);
        return value == null || value.isEmpty() ? null : value;
    }
}
