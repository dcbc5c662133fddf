/**
 * The guarded fetcher: every document the wallet or server fetches on behalf of a credential
 * (hosted Open Badges 2.0 assertions, badge classes, issuer profiles, keys, revocation lists,
 * did:web documents, Bitstring Status Lists) comes through {@link nl.learnerwallet.model.fetch.GuardedFetcher}.
 * Credentials are hostile input that names URLs, so the fetcher limits size and time, follows at
 * most three redirects and re-checks each, and refuses private, loopback, link-local and cloud
 * metadata addresses (checked on the resolved address at connect time, against DNS rebinding)
 * unless {@code wallet.fetch.allow-private-networks=true}. HTTP per RFC 9110; did:web needs HTTPS.
 */
package nl.learnerwallet.model.fetch;
