/**
 * Accounts, identified by the account key the client derives from the recovery code. No
 * passwords: registration proves possession of the key; deletion removes every backup version.
 */
package nl.learnerwallet.server.account;
