/**
 * Backup and sync with the wallet server: registering this wallet (no password; the account key
 * from the recovery code signs every request), an end-to-end encrypted backup, a sync that merges
 * what other devices uploaded item by item, where things stand, and a new passphrase with the
 * recovery code.
 */
package nl.learnerwallet.desktop.backup;
