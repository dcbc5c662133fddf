package nl.learnerwallet.model.verify;

/** The named checks of a verification report; {@link #id()} is the name in JSON and on screen. */
public enum CheckId {
    FORMAT("format"),
    SIGNATURE("signature"),
    ISSUER_KEY("issuer-key"),
    ISSUER_TRUST("issuer-trust"),
    RECIPIENT("recipient"),
    VALIDITY("validity"),
    STATUS("status"),
    HOLDER_BINDING("holder-binding");

    private final String id;

    CheckId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
