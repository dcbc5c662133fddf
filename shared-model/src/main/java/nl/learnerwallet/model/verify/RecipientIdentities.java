package nl.learnerwallet.model.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who the learner is, for the recipient check: the holder's DIDs, e-mail addresses and eduID
 * pseudonyms. Empty when a credential is verified outside any wallet.
 */
public record RecipientIdentities(List<String> dids, List<String> emails, List<String> eduIds) {

    public RecipientIdentities {
        dids = Collections.unmodifiableList(new ArrayList<>(dids));
        emails = Collections.unmodifiableList(new ArrayList<>(emails));
        eduIds = Collections.unmodifiableList(new ArrayList<>(eduIds));
    }

    public static RecipientIdentities none() {
        return new RecipientIdentities(Collections.<String>emptyList(), Collections.<String>emptyList(),
                Collections.<String>emptyList());
    }

    public boolean isEmpty() {
        return dids.isEmpty() && emails.isEmpty() && eduIds.isEmpty();
    }
}
