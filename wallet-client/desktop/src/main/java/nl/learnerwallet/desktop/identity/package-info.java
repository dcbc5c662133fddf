/**
 * Who the learner is to issuers: the e-mail addresses and eduIDs badges are issued to (Open Badges
 * recipients, often salted hashes), against which every credential's recipient check is run
 * again when one is added; and the wallet's holder DID ({@code did:jwk}) for credentials bound to
 * its key.
 */
package nl.learnerwallet.desktop.identity;
