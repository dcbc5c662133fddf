/**
 * Client-side encrypted backups: the server keeps the last versions of each account's
 * ciphertext with optimistic concurrency ({@code ETag}/{@code If-Match}; 412 on a stale version,
 * 428 without one), an upload limit and a quota. It can never read a wallet.
 */
package nl.learnerwallet.server.backup;
