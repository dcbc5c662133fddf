package nl.learnerwallet.model.format;

import java.util.Objects;
import nl.learnerwallet.model.CredentialFormat;

/**
 * A credential found in some input, before verification: its format and the encoded credential
 * (for JWT formats the compact token; for OB 2.0 hosted the assertion JSON, or only its URL; for
 * Data Integrity the credential JSON), apart from the original bytes it was found in.
 * {@code baked} says it came out of a PNG or SVG image, whose bytes are then the original.
 */
public record ReadCredential(CredentialFormat format, String encoded, boolean baked) {

    public ReadCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoded, "encoded");
    }

    public ReadCredential(CredentialFormat format, String encoded) {
        this(format, encoded, false);
    }
}
