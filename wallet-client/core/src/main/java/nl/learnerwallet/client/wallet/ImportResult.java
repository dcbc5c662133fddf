package nl.learnerwallet.client.wallet;

/**
 * What an import did: the stored credential, whether the same original was already there, and
 * the id of the self-declared entry it took the place of (an attestation of that entry), or null.
 */
public record ImportResult(StoredCredential credential, boolean alreadyPresent, String replaced) {

    public ImportResult(StoredCredential credential, boolean alreadyPresent) {
        this(credential, alreadyPresent, null);
    }
}
