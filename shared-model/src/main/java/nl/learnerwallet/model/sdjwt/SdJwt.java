package nl.learnerwallet.model.sdjwt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * An SD-JWT in compact form (RFC 9901 §4): {@code <issuer-jwt>~<disclosure>~...~} as issued, or
 * {@code <issuer-jwt>~<disclosure>~...~<kb-jwt>} as presented with a key binding. Only split here;
 * {@link SdJwtProcessor} checks the disclosures against the payload.
 *
 * <p>Written here rather than with com.authlete:sd-jwt's {@code SDJWT.parse}: that parser decodes
 * every disclosure with Gson, without our JSON limits, and throws unchecked exceptions on
 * malformed input; splitting on {@code ~} is the least of the format. The library builds the
 * presentations we send ({@code SdJwtPresenter} in the client).
 */
public final class SdJwt {

    /** A credential with a few dozen disclosures stays far below this. */
    public static final int MAX_LENGTH = 512 * 1024;
    public static final int MAX_DISCLOSURES = 500;

    private final String issuerJwt;
    private final List<String> disclosures;
    private final String keyBinding;

    private SdJwt(String issuerJwt, List<String> disclosures, String keyBinding) {
        this.issuerJwt = issuerJwt;
        this.disclosures = Collections.unmodifiableList(disclosures);
        this.keyBinding = keyBinding;
    }

    /** Whether the text has the shape of an SD-JWT (a JWT followed by {@code ~}), not whether it is valid. */
    public static boolean looksLike(String text) {
        int tilde = text.indexOf('~');
        return tilde > 0 && text.startsWith("eyJ") && text.substring(0, tilde).indexOf('.') > 0;
    }

    /** @throws CredentialFormatException TOO_LARGE, NOT_A_JWT or DISCLOSURE_INVALID */
    public static SdJwt parse(String compact) {
        if (compact.length() > MAX_LENGTH) {
            throw new CredentialFormatException(Reason.TOO_LARGE, "the SD-JWT is larger than 512 KiB");
        }
        String[] parts = compact.split("~", -1);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new CredentialFormatException(Reason.NOT_A_JWT, "an SD-JWT is a JWT followed by ~ and its disclosures");
        }
        if (parts.length - 2 > MAX_DISCLOSURES) {
            throw new CredentialFormatException(Reason.TOO_LARGE, "the SD-JWT has more than " + MAX_DISCLOSURES + " disclosures");
        }
        List<String> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "an SD-JWT has an empty disclosure");
            }
            disclosures.add(parts[i]);
        }
        String last = parts[parts.length - 1];
        return new SdJwt(parts[0], disclosures, last.isEmpty() ? null : last);
    }

    /** Assembles the compact form; {@code keyBinding} null for an SD-JWT without one. */
    public static SdJwt of(String issuerJwt, List<String> disclosures, String keyBinding) {
        return new SdJwt(issuerJwt, new ArrayList<>(disclosures), keyBinding);
    }

    public String issuerJwt() {
        return issuerJwt;
    }

    /** The encoded disclosures, in the order given. */
    public List<String> disclosures() {
        return disclosures;
    }

    /** The key-binding JWT, or null. */
    public String keyBinding() {
        return keyBinding;
    }

    public boolean hasKeyBinding() {
        return keyBinding != null;
    }

    /** The part a key binding's {@code sd_hash} covers: everything up to and including the last {@code ~}. */
    public String withoutKeyBinding() {
        StringBuilder out = new StringBuilder(issuerJwt).append('~');
        for (String disclosure : disclosures) {
            out.append(disclosure).append('~');
        }
        return out.toString();
    }

    /** The {@code sd_hash} a key binding for this SD-JWT must carry. */
    public String sdHash(HashAlgorithm hash) {
        return hash.digest(withoutKeyBinding().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return withoutKeyBinding() + (keyBinding == null ? "" : keyBinding);
    }
}
