package nl.learnerwallet.model.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who the learner is, for the recipient check: the holder's DIDs, e-mail addresses, eduID
 * pseudonyms and URLs (an OB 2.0 {@code url} recipient, such as a personal page). Empty when a
 * credential is verified outside any wallet.
 */
public record RecipientIdentities(List<String> dids, List<String> emails, List<String> eduIds, List<String> urls) {

    public RecipientIdentities {
        dids = Collections.unmodifiableList(new ArrayList<>(dids));
        emails = Collections.unmodifiableList(new ArrayList<>(emails));
        eduIds = Collections.unmodifiableList(new ArrayList<>(eduIds));
        urls = Collections.unmodifiableList(new ArrayList<>(urls == null ? Collections.<String>emptyList() : urls));
    }

    /** Without URL identities (the shape before OB 2.0 support). */
    public RecipientIdentities(List<String> dids, List<String> emails, List<String> eduIds) {
        this(dids, emails, eduIds, Collections.<String>emptyList());
    }

    public static RecipientIdentities none() {
        return new RecipientIdentities(Collections.<String>emptyList(), Collections.<String>emptyList(),
                Collections.<String>emptyList());
    }

    public boolean isEmpty() {
        return dids.isEmpty() && emails.isEmpty() && eduIds.isEmpty() && urls.isEmpty();
    }
}
