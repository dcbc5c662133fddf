package nl.learnerwallet.client.wallet;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the learner's identities that issuers address badges to: an e-mail address, an eduID
 * pseudonym (written {@code eduid:ID}), or a URL (an OB 2.0 {@code url} recipient, e.g. a
 * personal page).
 */
public record Identity(Type type, String value) {

    public enum Type { EMAIL, EDUID, URL }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{2,63}");
    private static final Pattern EDUID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public Identity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** @throws IllegalArgumentException when the text is neither an e-mail address nor {@code eduid:ID} */
    public static Identity parse(String text) {
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("eduid:")) {
            String id = trimmed.substring("eduid:".length());
            if (!EDUID.matcher(id).matches()) {
                throw new IllegalArgumentException("an eduID is letters, digits, dots, dashes and colons");
            }
            return new Identity(Type.EDUID, id);
        }
        if ((trimmed.startsWith("https://") || trimmed.startsWith("http://")) && trimmed.length() <= 2048
                && trimmed.indexOf(' ') < 0) {
            return new Identity(Type.URL, trimmed);
        }
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("an identity is an e-mail address or eduid:ID");
        }
        return new Identity(Type.EMAIL, trimmed.toLowerCase(Locale.ROOT));
    }

    /** As the learner writes it. */
    public String display() {
        return type == Type.EDUID ? "eduid:" + value : value;
    }
}
