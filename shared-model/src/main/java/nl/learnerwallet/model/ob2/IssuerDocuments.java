package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.Reason;

/** Fetching an issuer's JSON documents through the guarded fetcher, with failures as reasons. */
final class IssuerDocuments {

    /** A document could not be had; {@link #reason} is what the report says. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;
        final int httpStatus;

        Unavailable(Reason reason, int httpStatus, String message) {
            super(message, null, false, false);
            this.reason = reason;
            this.httpStatus = httpStatus;
        }
    }

    private final GuardedFetcher fetcher;

    IssuerDocuments(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Fetches the URL and parses it as strict JSON; checks that a document with an {@code id} names this URL. */
    JsonNode fetch(String url) throws Unavailable {
        byte[] body;
        try {
            body = fetcher.fetch(url).body();
        } catch (FetchException e) {
            throw unavailable(e);
        }
        JsonNode node;
        try {
            node = StrictJson.parse(body);
        } catch (UntrustedInputException e) {
            throw new Unavailable(Reason.ISSUER_UNREACHABLE, 0, url + " did not answer with valid JSON");
        }
        if (!node.isObject()) {
            throw new Unavailable(Reason.ISSUER_UNREACHABLE, 0, url + " did not answer with a JSON object");
        }
        return node;
    }

    /** The embedded document, or the one its URL names. */
    JsonNode resolve(JsonNode reference) throws Unavailable {
        if (reference.isObject()) {
            return reference;
        }
        if (reference.isTextual()) {
            JsonNode fetched = fetch(reference.asText());
            String id = fetched.path("id").asText(null);
            if (id != null && !id.equals(reference.asText())) {
                throw new Unavailable(Reason.HOSTED_ID_MISMATCH, 0,
                        "the document at " + reference.asText() + " names another id");
            }
            return fetched;
        }
        throw new Unavailable(Reason.ISSUER_UNREACHABLE, 0, "no document is named");
    }

    static Unavailable unavailable(FetchException e) {
        if (e.problem() == FetchProblem.HTTP_STATUS && e.httpStatus() == 404) {
            return new Unavailable(Reason.NO_LONGER_PUBLISHED, 404, "the issuer no longer publishes it (404)");
        }
        if (e.problem() == FetchProblem.HTTP_STATUS) {
            return new Unavailable(Reason.ISSUER_UNREACHABLE, e.httpStatus(), "the issuer answered " + e.httpStatus());
        }
        if (e.problem() == FetchProblem.UNREACHABLE || e.problem() == FetchProblem.TIMEOUT) {
            return new Unavailable(Reason.ISSUER_UNREACHABLE, 0, "the issuer could not be reached (" + e.problem() + ")");
        }
        return new Unavailable(Reason.FETCH_REFUSED, 0, "fetching from the issuer was refused (" + e.problem() + ")");
    }
}
