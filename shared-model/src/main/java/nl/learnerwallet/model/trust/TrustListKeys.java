package nl.learnerwallet.model.trust;

import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.verify.Reason;

/**
 * The issuer keys pinned in a trust list, for verification without network: an issuer whose
 * entry names exactly its id and carries keys. A key is the issuer's only as far as the learner
 * trusted the entry, which is what the trust list is for.
 */
public final class TrustListKeys implements IssuerKeyResolver {

    private final TrustList trustList;

    public TrustListKeys(TrustList trustList) {
        this.trustList = trustList;
    }

    @Override
    public boolean supports(String issuerId) {
        return entry(issuerId) != null;
    }

    @Override
    public List<IssuerKey> keysOf(String issuerId) {
        TrustEntry entry = entry(issuerId);
        if (entry == null) {
            throw new IssuerKeyException(Reason.UNSUPPORTED_ISSUER_METHOD, "the trust list keeps no keys for this issuer");
        }
        List<IssuerKey> keys = new ArrayList<>();
        for (String jwk : entry.keys()) {
            String kid = kidOf(jwk);
            keys.add(IssuerKey.fromJwk(issuerId, issuerId + "#" + (kid == null ? String.valueOf(keys.size()) : kid), jwk));
        }
        return keys;
    }

    private TrustEntry entry(String issuerId) {
        if (issuerId == null) {
            return null;
        }
        for (TrustEntry entry : trustList.entries()) {
            if (entry.id().equals(issuerId) && !entry.keys().isEmpty()) {
                return entry;
            }
        }
        return null;
    }

    private static String kidOf(String jwk) {
        try {
            return com.nimbusds.jose.jwk.JWK.parse(jwk).getKeyID();
        } catch (java.text.ParseException e) {
            return null;
        }
    }
}
