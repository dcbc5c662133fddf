package nl.learnerwallet.model.exemption;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** What binds a decision to one dossier: the hash of the presentation the dossier shows. */
public final class Dossiers {

    private Dossiers() {
    }

    /** base64url (no padding) of SHA-256 over the presentation as served at {@code /s/TOKEN/presentation}. */
    public static String hash(String presentation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentation.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
