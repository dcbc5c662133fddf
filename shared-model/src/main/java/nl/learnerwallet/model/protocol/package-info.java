/**
 * The wallet's protocol with its server, shared by client and server: signed requests (an
 * Ed25519 signature by the account key over method, path, body hash, time and a nonce) and the
 * backup envelope (AES-256-GCM ciphertext whose associated data binds account and version).
 */
package nl.learnerwallet.model.protocol;
