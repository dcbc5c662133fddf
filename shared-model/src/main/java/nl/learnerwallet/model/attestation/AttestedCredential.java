package nl.learnerwallet.model.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.sdjwt.SdJwtVc;

/**
 * What a credential signed back for an {@link AttestationRequest} names: the request, and so the
 * self-declared entry it takes the place of. A W3C VC (VC-JWT or Data Integrity) names it as
 * {@code credentialSubject.attestationRequest}; an SD-JWT VC as the claim {@code attestationRequest}.
 */
public final class AttestedCredential {

    /** The field that names the request. */
    public static final String FIELD = "attestationRequest";

    private AttestedCredential() {
    }

    /**
     * The id of the request this credential answers (the self-declared entry's id), or null when it
     * names none or cannot be read. Says nothing of whether the credential is genuine: the caller
     * verifies it. Never throws for bad input.
     */
    public static String requestId(ReadCredential credential) {
        JsonNode named;
        try {
            switch (credential.format()) {
                case OB3_JWT:
                    named = subject(VcJwt.parse(credential.encoded()).credential()).get(FIELD);
                    break;
                case OB3_DI:
                    named = subject(StrictJson.parse(credential.encoded().getBytes(StandardCharsets.UTF_8))).get(FIELD);
                    break;
                case SD_JWT_VC:
                    named = SdJwtVc.parse(credential.encoded()).claims().get(FIELD);
                    break;
                default:
                    return null;
            }
        } catch (RuntimeException unreadable) {
            return null;
        }
        return named != null && named.isTextual() && !named.asText().isEmpty() ? named.asText() : null;
    }

    private static JsonNode subject(JsonNode credential) {
        JsonNode subject = credential.path("credentialSubject");
        return subject.isArray() && subject.size() > 0 ? subject.get(0) : subject;
    }
}
