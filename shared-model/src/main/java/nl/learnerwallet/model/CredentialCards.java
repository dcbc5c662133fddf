package nl.learnerwallet.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.format.DataIntegrityCredential;
import nl.learnerwallet.model.format.Ob3CardMapper;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.ob2.Ob2CardMapper;
import nl.learnerwallet.model.ob2.Ob2Documents;
import nl.learnerwallet.model.ob2.SignedBadgeVerifier;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Reads the card of a credential without verifying it again and without the network: for showing
 * stored credentials, whose originals were verified when they arrived. OB 2.0 cards come from the
 * documents stored with the credential (as fetched), else from what the original embeds.
 */
public final class CredentialCards {

    private CredentialCards() {
    }

    /** @throws CredentialFormatException when the credential cannot be read */
    public static CredentialCard of(ReadCredential credential) {
        return of(credential, null);
    }

    /**
     * @param resolved the documents stored with the credential ({@link CredentialVerifier.Verified#resolved()}), or null
     * @throws CredentialFormatException when the credential cannot be read
     */
    public static CredentialCard of(ReadCredential credential, JsonNode resolved) {
        switch (credential.format()) {
            case OB3_JWT: {
                VcJwt jwt = VcJwt.parse(credential.encoded());
                return Ob3CardMapper.map(jwt.credential(), jwt.issuerId(), jwt.issuedOn(), jwt.validFrom(), jwt.validUntil());
            }
            case OB2_HOSTED:
            case OB2_SIGNED: {
                Ob2Documents documents = Ob2Documents.fromJson(resolved);
                if (documents == null) {
                    documents = localDocuments(credential);
                }
                if (documents == null) {
                    throw new CredentialFormatException(Reason.NOT_A_CREDENTIAL, "the badge's documents are not known");
                }
                return Ob2CardMapper.map(documents);
            }
            case SD_JWT_VC:
                return nl.learnerwallet.model.sdjwt.SdJwtCardMapper.map(nl.learnerwallet.model.sdjwt.SdJwtVc.parse(credential.encoded()));
            case OB3_DI:
                try {
                    return DataIntegrityCredential.parse(credential.encoded()).card();
                } catch (UntrustedInputException e) {
                    throw new CredentialFormatException(Reason.BAD_JSON, e.getMessage(), e);
                }
            case SELF_DECLARED:
                try {
                    return SelfDeclaredEntry.parse(credential.encoded()).card();
                } catch (UntrustedInputException e) {
                    throw new CredentialFormatException(Reason.BAD_CLAIM, e.getMessage(), e);
                }
            default:
                throw new IllegalArgumentException("no card reader for " + credential.format().id() + " yet");
        }
    }

    /** What an OB 2.0 original embeds (the assertion, and badge class and issuer when embedded); null for a bare URL. */
    static Ob2Documents localDocuments(ReadCredential credential) {
        JsonNode assertion;
        if (credential.format() == CredentialFormat.OB2_SIGNED) {
            assertion = SignedBadgeVerifier.payload(credential.encoded());
        } else {
            String text = credential.encoded().trim();
            if (!text.startsWith("{")) {
                return null;
            }
            try {
                assertion = StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
            } catch (UntrustedInputException e) {
                return null;
            }
        }
        return assertion == null || !assertion.isObject() ? null : Ob2Documents.embedded(assertion);
    }
}
