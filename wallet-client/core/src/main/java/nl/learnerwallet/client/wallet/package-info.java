/**
 * The wallet: creating and unlocking the passphrase-protected local store, resetting the
 * passphrase with the recovery code, the learner's identities, and importing, verifying,
 * listing and deleting credentials (deletions leave tombstones); work experience and diplomas the
 * learner adds themselves, and attestation requests that an employer signs back as a credential
 * which takes the self-declared entry's place.
 */
package nl.learnerwallet.client.wallet;
