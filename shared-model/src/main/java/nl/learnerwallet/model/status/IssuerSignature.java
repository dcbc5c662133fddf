package nl.learnerwallet.model.status;

import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.IssuerKeyResolver;

/**
 * Whether a status list was signed by the credential's own issuer, with a key from the same
 * resolvers the credential's signature was checked with: a list signed by anyone else says
 * nothing about the credential.
 */
final class IssuerSignature {

    private IssuerSignature() {
    }

    /** False as well when the issuer's keys cannot be found. */
    static boolean signedBy(IssuerKeyResolver keys, String issuerId, String compactJws) {
        if (!keys.supports(issuerId)) {
            return false;
        }
        try {
            for (IssuerKey key : keys.keysOf(issuerId)) {
                if (key.verifiesCompact(compactJws)) {
                    return true;
                }
            }
            return false;
        } catch (IssuerKeyException e) {
            return false;
        }
    }
}
