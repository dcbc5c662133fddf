package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Keys of an OB 3.0 issuer identified by an HTTP(S) URL: its issuer profile (OB 3.0 Profile) at that
 * URL, fetched through the guarded fetcher, whose {@code id} must be the URL; keys are its
 * {@code verificationMethod} entries with a {@code publicKeyJwk}, or {@code publicKey} entries
 * carrying one. Never cached.
 */
public final class IssuerProfileKeyResolver implements IssuerKeyResolver {

    private final GuardedFetcher fetcher;

    public IssuerProfileKeyResolver(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public boolean supports(String issuerId) {
        return issuerId.startsWith("https://") || issuerId.startsWith("http://");
    }

    @Override
    public List<IssuerKey> keysOf(String issuerId) {
        JsonNode profile;
        try {
            profile = StrictJson.parse(fetcher.fetch(issuerId).body());
        } catch (FetchException e) {
            // Could not check is not "forged": the verifier reports this as inconclusive.
            throw new IssuerKeyException(e.problem() == nl.learnerwallet.model.fetch.FetchProblem.UNREACHABLE
                    || e.problem() == nl.learnerwallet.model.fetch.FetchProblem.TIMEOUT
                    || e.problem() == nl.learnerwallet.model.fetch.FetchProblem.HTTP_STATUS
                    ? Reason.ISSUER_UNREACHABLE : Reason.FETCH_REFUSED,
                    "the issuer profile could not be fetched (" + e.problem() + ")", e);
        } catch (UntrustedInputException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer profile is not valid JSON", e);
        }
        if (!issuerId.equals(profile.path("id").asText(null))) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer profile is for another issuer");
        }
        if (!profile.has("verificationMethod") && profile.path("publicKey").isArray()) {
            // publicKey entries shaped like verification methods are read the same way.
            ObjectNode copy = ((ObjectNode) profile).deepCopy();
            ArrayNode methods = copy.putArray("verificationMethod");
            profile.path("publicKey").forEach(methods::add);
            profile = copy;
        }
        return DidWebResolver.keysIn(issuerId, profile);
    }
}
