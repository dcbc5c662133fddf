package nl.learnerwallet.model.jose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import nl.learnerwallet.model.verify.Reason;

/**
 * The resolvers a verifier uses, tried in order, with a bounded cache of what they returned:
 * did:jwk and did:key decode the same bytes to the same key every time, and decoding them on
 * every verification would cost as much as the signature check's setup.
 */
public final class IssuerKeys implements IssuerKeyResolver {

    private static final int MAX_CACHED = 4096;

    private final List<IssuerKeyResolver> resolvers;
    private final ConcurrentHashMap<String, List<IssuerKey>> cache = new ConcurrentHashMap<>();

    public IssuerKeys(List<IssuerKeyResolver> resolvers) {
        this.resolvers = Collections.unmodifiableList(new ArrayList<>(resolvers));
    }

    /** did:jwk and did:key: the methods that need no network. */
    public static IssuerKeys offline() {
        List<IssuerKeyResolver> resolvers = new ArrayList<>();
        resolvers.add(new DidJwkResolver());
        resolvers.add(new DidKeyResolver());
        return new IssuerKeys(resolvers);
    }

    @Override
    public boolean supports(String issuerId) {
        for (IssuerKeyResolver resolver : resolvers) {
            if (resolver.supports(issuerId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<IssuerKey> keysOf(String issuerId) {
        List<IssuerKey> cached = cache.get(issuerId);
        if (cached != null) {
            return cached;
        }
        for (IssuerKeyResolver resolver : resolvers) {
            if (resolver.supports(issuerId)) {
                List<IssuerKey> keys = resolver.keysOf(issuerId);
                if (isSelfCertifying(issuerId)) {
                    if (cache.size() >= MAX_CACHED) {
                        cache.clear();
                    }
                    cache.put(issuerId, keys);
                }
                return keys;
            }
        }
        throw new IssuerKeyException(Reason.UNSUPPORTED_ISSUER_METHOD,
                "no key source for issuers of this kind yet");
    }

    private static boolean isSelfCertifying(String issuerId) {
        return issuerId.startsWith(DidJwkResolver.PREFIX) || issuerId.startsWith(DidKeyResolver.PREFIX);
    }
}
