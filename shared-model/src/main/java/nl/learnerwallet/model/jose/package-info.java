/**
 * JOSE (RFC 7515 JWS, RFC 7517 JWK, RFC 7638 thumbprints) through nimbus-jose-jwt on the
 * BouncyCastle provider, and issuer keys from did:jwk and did:key. Nimbus types stay inside
 * this package: the rest of the model sees {@link nl.learnerwallet.model.jose.IssuerKey} only.
 */
package nl.learnerwallet.model.jose;
