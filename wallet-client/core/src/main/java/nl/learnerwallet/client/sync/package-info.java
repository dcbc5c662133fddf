/**
 * Backup, restore and multi-device sync with wallet-server. The whole wallet is sealed on the
 * client with AES-256-GCM under the backup key (account and version as associated data) before it
 * leaves; requests are signed with the account key; merges go item by item.
 */
package nl.learnerwallet.client.sync;
