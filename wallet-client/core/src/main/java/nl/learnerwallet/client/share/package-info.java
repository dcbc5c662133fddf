/**
 * Sharing: presentations the holder signs for one share (the server's audience and nonce), share
 * links whose tokens never leave this wallet except in the link, and the learner's view of them
 * (list, state, access log, revoke).
 */
package nl.learnerwallet.client.share;
