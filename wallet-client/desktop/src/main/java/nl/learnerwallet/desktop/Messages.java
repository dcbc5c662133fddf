package nl.learnerwallet.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The app's words, in Dutch or English by the JVM's default locale, as the command line's. */
public final class Messages {

    private static final String BUNDLE_NAME = "nl.learnerwallet.desktop.Messages";

    private Messages() {
    }

    /** The bundle of the current default locale (read each time, so a test may switch the locale). */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE_NAME, Locale.getDefault());
    }

    /**
     * The text for a key, its {0}-style arguments filled in; the key itself when the bundle lacks
     * it, so a missing word shows as a visible slip rather than a crash.
     */
    public static String get(String key, Object... arguments) {
        ResourceBundle bundle = bundle();
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        // An apostrophe is a word's apostrophe here ("the issuer's"), never MessageFormat's quote.
        return new MessageFormat(pattern.replace("'", "''"), bundle.getLocale()).format(arguments);
    }

    /** The text for a key, or the fallback when the bundle has none (reasons added to the model later). */
    public static String getOr(String key, String fallback) {
        ResourceBundle bundle = bundle();
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
