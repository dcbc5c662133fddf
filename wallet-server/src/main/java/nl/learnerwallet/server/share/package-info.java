/**
 * Share links: a learner's account creates a share (the wallet's token only as a hash, a nonce
 * for the presentation), uploads the presentation signed for it, lists its shares with their real
 * state, reads their access logs and revokes them. Expiry and view limits use the server clock.
 */
package nl.learnerwallet.server.share;
