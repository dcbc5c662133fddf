package nl.learnerwallet.issuer;

import java.util.Locale;

/** A value people name by a word (on the command line, in issue files): {@code microcredential}, {@code sd-jwt}. */
interface NamedValue {

    /** The word. */
    String id();

    /**
     * The value named by this word, in any case.
     *
     * @param field the field the word is for, named in the problem
     * @throws IssuerException {@code BAD_FIELD} [field] when no value has that name
     */
    static <E extends NamedValue> E of(E[] values, String word, String field) {
        String wanted = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (E value : values) {
            if (value.id().equals(wanted)) {
                return value;
            }
        }
        throw new IssuerException(IssuerException.Problem.BAD_FIELD, "no " + field + " is called " + word, field);
    }
}
