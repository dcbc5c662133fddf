package nl.learnerwallet.issuer;

/** How a credential is secured: an OB 3.0 VC-JWT, or an SD-JWT VC whose claims the learner discloses one by one. */
public enum IssueFormat implements NamedValue {
    VC_JWT("vc-jwt", ".jwt"),
    SD_JWT("sd-jwt", ".sd-jwt");

    private final String id;
    private final String fileExtension;

    IssueFormat(String id, String fileExtension) {
        this.id = id;
        this.fileExtension = fileExtension;
    }

    @Override
    public String id() {
        return id;
    }

    String fileExtension() {
        return fileExtension;
    }

    /** @throws IssuerException {@code BAD_FIELD} [format] */
    public static IssueFormat of(String id) {
        return NamedValue.of(values(), id, "format");
    }
}
