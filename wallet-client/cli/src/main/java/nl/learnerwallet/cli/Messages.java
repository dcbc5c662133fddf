package nl.learnerwallet.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The command's words, in Dutch or English by the default locale ({@code LANG=nl_NL.UTF-8}). */
final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("nl.learnerwallet.cli.Messages", Locale.getDefault());

    private Messages() {
    }

    static String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Apostrophes are text here ("the issuer's server"), never MessageFormat quoting.
        return arguments.length == 0 ? pattern
                : new MessageFormat(pattern.replace("'", "''"), BUNDLE.getLocale()).format(arguments);
    }

    /** The text for a key, or the fallback when the bundle has none. */
    static String getOr(String key, String fallback) {
        return BUNDLE.containsKey(key) ? BUNDLE.getString(key) : fallback;
    }
}
