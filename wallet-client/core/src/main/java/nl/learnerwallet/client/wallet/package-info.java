/**
 * The wallet: creating and unlocking the passphrase-protected local store, resetting the
 * passphrase with the recovery code, the learner's identities, and importing, verifying,
 * listing and deleting credentials (deletions leave tombstones).
 */
package nl.learnerwallet.client.wallet;
