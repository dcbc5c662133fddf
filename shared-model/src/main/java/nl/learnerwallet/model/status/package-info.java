/**
 * Credential status by W3C Bitstring Status List v1.0 and by the IETF Token Status List
 * (draft-ietf-oauth-status-list). A {@code BitstringStatusListEntry} points at a status list
 * credential whose {@code encodedList} is a multibase base64url GZIP of a bitstring of at least
 * 131,072 entries (16 KiB). A JWT's {@code status} claim {@code {"status_list": {"idx", "uri"}}}
 * points at a {@code statuslist+jwt} whose {@code status_list} holds 1, 2, 4 or 8 bits per token,
 * zlib-compressed. Either list is fetched through the guarded fetcher and must be signed by the
 * credential's own issuer; decompression is capped; a list that cannot be fetched or read leaves
 * the status inconclusive, never "not revoked".
 */
package nl.learnerwallet.model.status;
