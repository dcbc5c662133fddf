package nl.learnerwallet.model.jose;

import java.util.List;

/** Finds the public keys an issuer publishes (its DID document, or its issuer profile). */
public interface IssuerKeyResolver {

    /** Whether this resolver handles the issuer id (e.g. its DID method). */
    boolean supports(String issuerId);

    /**
     * @return the issuer's keys, never empty
     * @throws IssuerKeyException with {@code ISSUER_KEY_UNRESOLVABLE} when the id is malformed or
     *     names no usable key, or {@code UNSUPPORTED_ISSUER_METHOD} when no resolver handles it
     */
    List<IssuerKey> keysOf(String issuerId);
}
