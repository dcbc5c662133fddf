package nl.learnerwallet.server.db;

import java.security.SecureRandom;

/** Ids the application assigns to rows: 16 random characters of an alphabet without look-alikes (80 bits). */
public final class RowIds {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private RowIds() {
    }

    public static String next(SecureRandom random) {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
