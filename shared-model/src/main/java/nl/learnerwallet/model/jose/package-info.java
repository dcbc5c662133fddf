/**
 * JOSE (RFC 7515 JWS, RFC 7517 JWK, RFC 7638 thumbprints) through nimbus-jose-jwt, with ES256,
 * ES384 and EdDSA (RFC 8037) signatures checked by BouncyCastle's own API and RSA through nimbus,
 * and issuer keys from did:jwk, did:key, did:web, OB 3.0 issuer profiles and JWT VC Issuer Metadata
 * (draft-ietf-oauth-sd-jwt-vc). Nimbus types stay inside this package: the rest of
 * the model sees {@link nl.learnerwallet.model.jose.IssuerKey} only.
 */
package nl.learnerwallet.model.jose;
