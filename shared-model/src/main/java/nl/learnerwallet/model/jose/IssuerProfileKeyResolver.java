package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import nl.learnerwallet.model.fetch.GuardedFetcher;
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
        JsonNode profile = KeyDocuments.fetch(fetcher, issuerId, false, "the issuer profile");
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
