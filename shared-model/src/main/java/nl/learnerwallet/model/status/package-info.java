/**
 * Credential status by W3C Bitstring Status List v1.0: a {@code BitstringStatusListEntry} points at
 * a status list credential, fetched through the guarded fetcher and signed by the credential's own
 * issuer, whose {@code encodedList} is a multibase base64url GZIP of a bitstring of at least
 * 131,072 entries (16 KiB). Decompression is capped; a list that cannot be fetched or read leaves the
 * status inconclusive, never "not revoked".
 */
package nl.learnerwallet.model.status;
