package nl.learnerwallet.server.page;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The page's words in one language (Dutch or English). */
final class PageText {

    static final Locale DUTCH = new Locale("nl");

    private final ResourceBundle bundle;
    private final Locale locale;

    PageText(Locale locale) {
        this.locale = DUTCH.getLanguage().equals(locale.getLanguage()) ? DUTCH : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle("nl.learnerwallet.server.page.Page", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String language() {
        return locale.getLanguage();
    }

    String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Apostrophes are text here, never MessageFormat quoting.
        return arguments.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(arguments);
    }

    String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
