/**
 * Proof of possession of the account key: every request that reads or changes an account carries
 * an {@link nl.learnerwallet.model.protocol.SignedRequest}, checked for time, signature and a
 * nonce never seen before (replay protection kept in the database, not in one instance's memory).
 */
package nl.learnerwallet.server.auth;
