package nl.learnerwallet.desktop;

/**
 * Ends a job with one sentence for the learner, already in the learner's language: a file too
 * large to be a credential, a field left empty. Not for bugs.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param key the message key; the sentence is its text with the arguments filled in */
    public Refusal(String key, Object... arguments) {
        super(Messages.get(key, arguments));
    }
}
