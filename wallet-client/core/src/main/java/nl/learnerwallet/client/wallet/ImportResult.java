package nl.learnerwallet.client.wallet;

/** What an import did: the stored credential, and whether the same original was already there. */
public record ImportResult(StoredCredential credential, boolean alreadyPresent) {
}
