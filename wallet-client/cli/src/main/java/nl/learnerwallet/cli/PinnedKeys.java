package nl.learnerwallet.cli;

import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.DidWebResolver;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.IssuerProfileKeyResolver;
import nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.trust.TrustListKeys;

/**
 * Issuer keys kept in the trust list, so that offline verification (an offline QR code) can check
 * did:web and https issuers: fetched once when the learner trusts the issuer.
 */
final class PinnedKeys {

    private PinnedKeys() {
    }

    /** The issuer's public keys as JWKs, or none when they cannot be fetched now (never an error). */
    static List<String> fetch(WalletCommand root, String issuerId) {
        GuardedFetcher fetcher = root.context().fetcher();
        List<String> out = new ArrayList<>();
        if (fetcher == null) {
            return out;
        }
        List<IssuerKeyResolver> resolvers = new ArrayList<>();
        resolvers.add(new DidWebResolver(fetcher));
        // An https:// issuer: JWT VC issuer metadata (SD-JWT VCs), else an Open Badges issuer profile.
        resolvers.add(new JwtVcIssuerMetadataResolver(fetcher));
        resolvers.add(new IssuerProfileKeyResolver(fetcher));
        for (IssuerKeyResolver resolver : resolvers) {
            if (!resolver.supports(issuerId)) {
                continue;
            }
            try {
                for (IssuerKey key : resolver.keysOf(issuerId)) {
                    out.add(key.toPinnedJwk());
                }
                return out;
            } catch (IssuerKeyException | nl.learnerwallet.model.fetch.FetchException notNow) {
                // try the next kind of key document
            }
        }
        return out;
    }

    /** The keys offline verification may use: did:jwk and did:key, and those pinned in the trust list. */
    static IssuerKeyResolver offline(WalletCommand root, TrustList trustList) {
        List<IssuerKeyResolver> resolvers = new ArrayList<>();
        resolvers.add(root.context().issuerKeys());
        resolvers.add(new TrustListKeys(trustList));
        return new IssuerKeys(resolvers);
    }
}
