/**
 * The issuer toolkit, for institutions and employers: an {@link nl.learnerwallet.issuer.Organisation}
 * (its signing key, identified by did:jwk, did:web or an https URL, and the files it publishes: a
 * DID document, an OB 3.0 issuer {@code Profile}, a JWK set, JWT VC Issuer Metadata), credentials
 * issued by {@link nl.learnerwallet.issuer.CredentialIssuer} as Open Badges 3.0 VC-JWTs
 * (VC Data Model 2.0, VC-JOSE-COSE) or as SD-JWT VCs (RFC 9901, IETF SD-JWT VC), revocation in a
 * W3C Bitstring Status List or an IETF Token Status List ({@link nl.learnerwallet.issuer.StatusLists}),
 * baking into PNG and SVG images (Open Badges Baking, {@link nl.learnerwallet.issuer.Baker}),
 * work-experience attestations ({@link nl.learnerwallet.issuer.Attestations}) and a small file
 * server for local testing ({@link nl.learnerwallet.issuer.HostedFiles}). Everything it issues is
 * read back with shared-model, the code the wallet verifies with, before it leaves the toolkit.
 * Nimbus and authlete types stay inside this package.
 */
package nl.learnerwallet.issuer;
