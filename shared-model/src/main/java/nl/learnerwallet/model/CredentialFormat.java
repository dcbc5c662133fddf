package nl.learnerwallet.model;

import java.util.Locale;

/** How a credential's original bytes are encoded and signed; the ids are DESIGN.md's {@code format} values. */
public enum CredentialFormat {
    OB2_HOSTED("ob2-hosted"),
    OB2_SIGNED("ob2-signed"),
    /** Open Badges 3.0 / W3C VC as a JWT: the {@code vc}-claim form and the VC 2.0 form. */
    OB3_JWT("ob3-jwt"),
    OB3_DI("ob3-di"),
    SD_JWT_VC("sd-jwt-vc"),
    SELF_DECLARED("self-declared");

    private final String id;

    CredentialFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException when the id names no format */
    public static CredentialFormat fromId(String id) {
        for (CredentialFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown credential format: " + id);
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
