/**
 * Authenticated encryption (AES-256-GCM, NIST SP 800-38D) shared by the wallet's local store, its
 * backups and the server's share payloads.
 */
package nl.learnerwallet.model.crypto;
