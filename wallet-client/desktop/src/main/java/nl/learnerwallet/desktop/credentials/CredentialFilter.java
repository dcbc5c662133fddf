package nl.learnerwallet.desktop.credentials;

import java.text.Normalizer;
import java.util.Locale;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * What the overview shows: the words typed in the search field (each must occur in the title,
 * issuer, description, learning outcomes, level, study load or programme code, ignoring case and
 * accents, so "creche" finds "crèche"), one kind or all, one status or all.
 *
 * @param kind null for every kind
 * @param status null for every status
 */
public record CredentialFilter(String query, CredentialKind kind, VerificationStatus status) {

    public static final CredentialFilter ALL = new CredentialFilter("", null, null);

    public boolean matches(StoredCredential credential) {
        CredentialCard card = credential.card();
        if (kind != null && card.kind() != kind) {
            return false;
        }
        if (status != null && credential.report().status() != status) {
            return false;
        }
        String wanted = fold(query == null ? "" : query).trim();
        if (wanted.isEmpty()) {
            return true;
        }
        String text = fold(searchable(card));
        for (String word : wanted.split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String searchable(CredentialCard card) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {card.title(), card.awardingBody(), card.issuerId(), card.description(),
            card.programmeCode(), card.fieldOfStudy(), Cards.kind(card.kind()), Cards.facts(card)}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        for (String outcome : card.learningOutcomes()) {
            text.append(outcome).append('\n');
        }
        return text.toString();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
