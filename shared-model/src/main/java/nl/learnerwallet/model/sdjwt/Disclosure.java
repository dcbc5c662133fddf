package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.learnerwallet.model.jose.Base64UrlText;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * One disclosure of an SD-JWT (RFC 9901 §4.2): base64url of a JSON array, {@code [salt, name,
 * value]} for an object property or {@code [salt, value]} for an array element, identified by the
 * digest of its encoded form.
 */
public final class Disclosure {

    private final String encoded;
    private final String digest;
    private final String name;
    private final JsonNode value;

    private Disclosure(String encoded, String digest, String name, JsonNode value) {
        this.encoded = encoded;
        this.digest = digest;
        this.name = name;
        this.value = value;
    }

    /** @throws CredentialFormatException {@code DISCLOSURE_INVALID} when it is not a disclosure */
    static Disclosure parse(String encoded, HashAlgorithm hash) {
        if (encoded.isEmpty() || !Base64UrlText.isStrict(encoded)) {
            throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "a disclosure is not strict base64url");
        }
        JsonNode array;
        try {
            array = StrictJson.parse(Base64.getUrlDecoder().decode(encoded));
        } catch (UntrustedInputException | IllegalArgumentException e) {
            throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "a disclosure is not valid JSON", e);
        }
        if (!array.isArray() || (array.size() != 2 && array.size() != 3) || !array.get(0).isTextual()) {
            throw new CredentialFormatException(Reason.DISCLOSURE_INVALID,
                    "a disclosure is an array of a salt, a claim name and a value, or a salt and a value");
        }
        String name = null;
        if (array.size() == 3) {
            if (!array.get(1).isTextual()) {
                throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "a disclosure's claim name is not a string");
            }
            name = array.get(1).asText();
            if (name.equals("_sd") || name.equals("...")) {
                throw new CredentialFormatException(Reason.DISCLOSURE_NAME_INVALID,
                        "a disclosure may not be named " + name);
            }
        }
        return new Disclosure(encoded, hash.digest(encoded.getBytes(StandardCharsets.US_ASCII)), name,
                array.get(array.size() - 1));
    }

    /** The disclosure as it appears between the {@code ~} of the compact form. */
    public String encoded() {
        return encoded;
    }

    /** base64url of the hash of {@link #encoded()}, as the payload's {@code _sd} or {@code ...} lists it. */
    public String digest() {
        return digest;
    }

    /** The claim name, or null for an array element. */
    public String name() {
        return name;
    }

    public boolean isArrayElement() {
        return name == null;
    }

    public JsonNode value() {
        return value;
    }
}
