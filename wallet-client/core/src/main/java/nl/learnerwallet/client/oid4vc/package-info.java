/**
 * Receiving and presenting by protocol, on the wallet's side: OpenID for Verifiable Credential
 * Issuance 1.0 (credential offers, issuer metadata, the pre-authorized and authorization code
 * flows, proofs of possession of the holder key, deferred issuance) and OpenID for Verifiable
 * Presentations 1.0 (authorization requests by value or reference, signed request objects, DCQL
 * queries matched against the wallet, {@code direct_post} answers).
 *
 * <p>The OAuth 2.0 messages (PKCE, authorization requests and responses, token requests and
 * responses, authorization server metadata) are the Nimbus OAuth 2.0 SDK's; every byte sent or
 * received still goes through the {@link nl.learnerwallet.model.fetch.GuardedFetcher}. The
 * protocol glue (offers, metadata rules, proofs, DCQL) is ours: no maintained Java library does
 * the wallet's side of these on Android without pulling in Kotlin coroutines and a second HTTP
 * stack. Nothing here sends anything about the learner without the caller having asked for it:
 * {@link nl.learnerwallet.client.oid4vc.PresentationRequest} only reads and checks, and
 * {@link nl.learnerwallet.client.oid4vc.VerifierResponder} sends what the learner consented to.
 */
package nl.learnerwallet.client.oid4vc;
