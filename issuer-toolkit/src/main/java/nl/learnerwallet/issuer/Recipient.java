package nl.learnerwallet.issuer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whom a credential is issued to: the learner's DID, or an e-mail address (hashed into the credential). */
public sealed interface Recipient permits Recipient.Did, Recipient.Email {

    /** @throws IssuerException {@code BAD_RECIPIENT} [value] for anything else */
    static Recipient parse(String value) {
        String text = value == null ? "" : value.trim();
        if (text.startsWith("did:")) {
            return new Did(text);
        }
        return new Email(text);
    }

    /** A DID (not a DID URL): the credential's subject id (VC-JWT), or for an SD-JWT a did:jwk whose key it is bound to. */
    record Did(String did) implements Recipient {
        private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[A-Za-z0-9._:%-]+");

        public Did {
            if (did == null || did.length() > 2048 || !DID.matcher(did).matches()) {
                throw new IssuerException(IssuerException.Problem.BAD_RECIPIENT, "not a DID", String.valueOf(did));
            }
        }
    }

    /** An e-mail address, put in the credential only as a salted SHA-256 hash (OB 3.0 IdentityObject). */
    record Email(String address) implements Recipient {
        private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

        public Email {
            if (address == null || address.length() > 254 || !EMAIL.matcher(address).matches()) {
                throw new IssuerException(IssuerException.Problem.BAD_RECIPIENT, "neither a DID nor an e-mail address",
                        String.valueOf(address));
            }
            address = address.toLowerCase(Locale.ROOT);
        }
    }
}
