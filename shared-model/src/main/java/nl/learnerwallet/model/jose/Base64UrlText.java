package nl.learnerwallet.model.jose;

/** Strict base64url (RFC 7515 §2): the URL-safe alphabet only, no padding, no white space. */
public final class Base64UrlText {

    private Base64UrlText() {
    }

    public static boolean isStrict(String text) {
        if (text.length() % 4 == 1) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
