/**
 * Operating the server: the access log (routes, never tokens), the retention job that deletes
 * what is kept longer than configured, and the operator's actions on accounts and shares
 * (suspension, takedown) with their audit trail, run through {@code wallet-server admin}.
 */
package nl.learnerwallet.server.ops;
