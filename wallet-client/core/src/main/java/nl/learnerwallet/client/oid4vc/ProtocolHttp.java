package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.fetch.FetchedDocument;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * The HTTP of both protocols, through the guarded fetcher only: its address checks, size and time
 * limits hold for issuers, authorization servers and verifiers alike. Answers are parsed with
 * {@link StrictJson} (duplicate keys, depth and number limits) and fetch failures become
 * {@link Oid4vcException}s with one sentence for the learner.
 */
final class ProtocolHttp {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private final GuardedFetcher fetcher;

    ProtocolHttp(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    GuardedFetcher fetcher() {
        return fetcher;
    }

    /** An answer's status and parsed JSON body (null when the body is empty or not JSON). */
    record JsonAnswer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String error() {
            return body == null ? null : body.path("error").asText(null);
        }

        /** The server's own description of an error, when it gave one; else what its code means. */
        String errorDescription() {
            if (body == null) {
                return "HTTP " + status;
            }
            String description = body.path("error_description").asText("");
            String error = body.path("error").asText("HTTP " + status);
            return description.isEmpty() ? error : error + ": " + description;
        }
    }

    /**
     * Only https, or plain http to this machine when private networks are allowed (tests and the
     * demo): an issuer or verifier is never talked to in the clear over a network.
     *
     * @param what what the URL is, for the message ("the issuer")
     */
    URI checkedUrl(String url, String what) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Oid4vcException(Oid4vcException.Problem.MALFORMED, what + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new Oid4vcException(Oid4vcException.Problem.MALFORMED, what + " is not a usable https URL: " + url);
        }
        boolean local = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()) || "[::1]".equals(uri.getHost());
        if (!"https".equals(scheme) && !("http".equals(scheme) && local && fetcher.config().allowPrivateNetworks())) {
            throw new Oid4vcException(Oid4vcException.Problem.UNSUPPORTED, what + " must use https: " + url);
        }
        return uri;
    }

    JsonNode getJson(String url, String what) {
        return parse(get(url, JSON, what).body(), what);
    }

    FetchedDocument get(String url, String accept, String what) {
        try {
            return fetcher.fetch(url, false, accept);
        } catch (FetchException e) {
            throw translate(e, what);
        }
    }

    JsonAnswer postForm(String url, Map<String, List<String>> parameters, String bearer, String what) {
        return post(url, FORM, formBody(parameters).getBytes(StandardCharsets.UTF_8), bearer, what);
    }

    JsonAnswer postJson(String url, JsonNode body, String bearer, String what) {
        return post(url, JSON, body.toString().getBytes(StandardCharsets.UTF_8), bearer, what);
    }

    private JsonAnswer post(String url, String contentType, byte[] body, String bearer, String what) {
        Map<String, String> headers = bearer == null ? Collections.<String, String>emptyMap()
                : Collections.singletonMap("Authorization", "Bearer " + bearer);
        GuardedFetcher.Answer answer;
        try {
            answer = fetcher.post(url, contentType, body, JSON, headers);
        } catch (FetchException e) {
            throw translate(e, what);
        }
        JsonNode json = null;
        if (answer.body().length > 0) {
            try {
                json = StrictJson.parse(answer.body());
            } catch (UntrustedInputException e) {
                if (answer.status() / 100 == 2) {
                    throw new Oid4vcException(Oid4vcException.Problem.UNREACHABLE, what + " answered with something that is not JSON", e);
                }
            }
        }
        return new JsonAnswer(answer.status(), json);
    }

    static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode json = StrictJson.parse(body);
            if (!json.isObject()) {
                throw new Oid4vcException(Oid4vcException.Problem.MALFORMED, what + " is not a JSON object");
            }
            return json;
        } catch (UntrustedInputException e) {
            throw new Oid4vcException(Oid4vcException.Problem.MALFORMED, what + " is not usable JSON: " + e.getMessage(), e);
        }
    }

    static String formBody(Map<String, List<String>> parameters) {
        return com.nimbusds.oauth2.sdk.util.URLUtils.serializeParameters(parameters);
    }

    static Map<String, List<String>> form() {
        return new LinkedHashMap<>();
    }

    static Oid4vcException translate(FetchException e, String what) {
        if (e.problem() == FetchProblem.PRIVATE_ADDRESS) {
            return new Oid4vcException(Oid4vcException.Problem.ADDRESS_REFUSED,
                    what + " is on a private or local network address, which this wallet does not contact", e);
        }
        if (e.problem() == FetchProblem.BAD_URL) {
            return new Oid4vcException(Oid4vcException.Problem.MALFORMED, what + " is not a usable URL", e);
        }
        if (e.problem() == FetchProblem.HTTP_STATUS) {
            return new Oid4vcException(Oid4vcException.Problem.UNREACHABLE, what + " answered HTTP " + e.httpStatus(), e);
        }
        return new Oid4vcException(Oid4vcException.Problem.UNREACHABLE, what + " could not be reached (" + e.getMessage() + ")", e);
    }
}
