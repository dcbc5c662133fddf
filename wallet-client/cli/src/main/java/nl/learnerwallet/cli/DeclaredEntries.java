package nl.learnerwallet.cli;

import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.format.SelfDeclaredEntry;

/** What {@code experience add} and {@code diploma add} share: how a refused field and an added entry read. */
final class DeclaredEntries {

    private DeclaredEntries() {
    }

    /** The option the learner typed for an entry's field, so that a refusal names what to change. */
    static String option(String field) {
        switch (field) {
            case "skills": return "--skill";
            case "programmeCode": return "--programme-code";
            case "level.eqf": return "--eqf";
            case "level.nlqf": return "--nlqf";
            default: return field.matches("[a-z]+") ? "--" + field : field;
        }
    }

    /** One sentence for a refused field, in the learner's language. */
    static String refusal(SelfDeclaredEntry.InvalidEntryException refused) {
        String field = refused.field();
        String hint = Messages.getOr("entry.form." + field, Messages.get("entry.form.text"));
        return Messages.get("entry." + refused.problem().name(), option(field), hint);
    }

    /** Prints what was added: the id with {@code --json} as {@code import} does, else a sentence and the next step. */
    static void printAdded(WalletCommand root, StoredCredential entry, String nextStepKey) {
        if (root.json()) {
            root.printJson(Reports.summaryJson(entry));
            return;
        }
        root.out().println(Messages.get("entry.added", entry.card().title(), entry.card().awardingBody(), entry.id()));
        root.out().println("  " + Messages.get(nextStepKey, entry.card().awardingBody(), entry.id()));
    }
}
