package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Fetches a JSON document an issuer publishes its keys in (a did:web document, an issuer profile,
 * JWT VC issuer metadata, a JWK set), with the fetcher's failures told apart: a server that could
 * not be reached or answered with an error is {@code ISSUER_UNREACHABLE}, a fetch the guard
 * refused is {@code FETCH_REFUSED} (both mean "could not check", never "forged"), and a body that
 * is not JSON is {@code ISSUER_KEY_UNRESOLVABLE}.
 */
final class KeyDocuments {

    private KeyDocuments() {
    }

    /**
     * @param document what the document is, for messages: "the did:web document"
     * @throws IssuerKeyException as above
     */
    static JsonNode fetch(GuardedFetcher fetcher, String url, boolean requireHttps, String document) {
        try {
            return StrictJson.parse(fetcher.fetch(url, requireHttps).body());
        } catch (FetchException e) {
            FetchProblem problem = e.problem();
            boolean unreachable = problem == FetchProblem.UNREACHABLE || problem == FetchProblem.TIMEOUT
                    || problem == FetchProblem.HTTP_STATUS;
            throw new IssuerKeyException(unreachable ? Reason.ISSUER_UNREACHABLE : Reason.FETCH_REFUSED,
                    document + " could not be fetched (" + problem + ")", e);
        } catch (UntrustedInputException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, document + " is not valid JSON", e);
        }
    }
}
