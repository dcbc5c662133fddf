package nl.learnerwallet.model.format;

import java.util.Objects;
import nl.learnerwallet.model.CredentialFormat;

/**
 * A credential found in some input, before verification: its format and the encoded credential
 * (for JWT formats, the compact token), apart from the original bytes it was found in.
 */
public record ReadCredential(CredentialFormat format, String encoded) {

    public ReadCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoded, "encoded");
    }
}
