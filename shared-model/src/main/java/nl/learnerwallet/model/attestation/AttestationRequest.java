package nl.learnerwallet.model.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.Reason;

/**
 * A learner's request that an employer attest a period of work: a JWT signed by the learner's
 * holder key ({@code typ} {@value #TYPE}), as a file or as a link ({@value #LINK_PREFIX} followed by
 * the JWT). The employer's toolkit verifies it, so a request altered after it was made is refused,
 * and signs back a credential naming {@code jti} as {@code credentialSubject.attestationRequest},
 * which takes the self-declared entry's place in the wallet.
 *
 * <p>Payload: {@code iss}/{@code sub} the holder DID, {@code iat}, {@code jti} the entry's id, and
 * {@code experience}: {@code employer}, {@code role}, {@code from}/{@code to} ({@code YYYY-MM}),
 * {@code description}, {@code skills}.
 */
public record AttestationRequest(String holder, String requestId, Instant requestedAt, WorkExperience experience) {

    public static final String TYPE = "lw-attestation-request+jwt";
    public static final String LINK_PREFIX = "lw-attest:";
    private static final int MAX_LENGTH = 32 * 1024;

    /** Why a request is refused. */
    public static final class InvalidRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        public InvalidRequestException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The claims to sign with the holder key ({@code HolderKey.signJwt(TYPE, ...)} in the client). */
    public static String payloadJson(String holderDid, String requestId, Instant requestedAt, WorkExperience experience) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.put("iss", holderDid);
        payload.put("sub", holderDid);
        payload.put("iat", requestedAt.getEpochSecond());
        payload.put("jti", requestId);
        experience.writeFields(payload.putObject("experience"));
        return payload.toString();
    }

    /**
     * Reads and checks a request: the holder's signature (keys from its did:jwk or did:key), its
     * type, and its contents.
     *
     * @param text the file's text or the link
     * @throws InvalidRequestException naming why it is refused
     */
    public static AttestationRequest verify(String text, IssuerKeyResolver holderKeys) {
        String token = text.trim();
        if (token.startsWith(LINK_PREFIX)) {
            token = token.substring(LINK_PREFIX.length()).trim();
        }
        if (token.length() > MAX_LENGTH) {
            throw new InvalidRequestException(Reason.TOO_LARGE, "the request is larger than 32 KiB");
        }
        HolderJwt.Checked checked = HolderJwt.verify(token, TYPE, holderKeys);
        if (!checked.valid()) {
            throw new InvalidRequestException(checked.failure(), checked.malformed()
                    ? "this is not an attestation request" : "the request is not signed by the learner it names; it was altered or forged");
        }
        JsonNode payload = checked.jwt().payload();
        JsonNode work = payload.path("experience");
        String requestId = payload.path("jti").asText(null);
        if (requestId == null || requestId.isEmpty() || requestId.length() > 100 || !work.isObject()) {
            throw new InvalidRequestException(Reason.BAD_CLAIM, "the request names no entry or no work experience");
        }
        List<String> skills = new ArrayList<>();
        for (JsonNode skill : work.path("skills")) {
            skills.add(skill.asText());
        }
        try {
            WorkExperience experience = new WorkExperience(work.path("employer").asText(""), work.path("role").asText(""),
                    YearMonth.parse(work.path("from").asText("")),
                    work.hasNonNull("to") ? YearMonth.parse(work.path("to").asText()) : null,
                    work.path("description").asText(null), skills);
            return new AttestationRequest(checked.jwt().signer(), requestId,
                    Instant.ofEpochSecond(payload.path("iat").asLong()), experience);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidRequestException(Reason.BAD_CLAIM, "the request's work experience is not valid: " + e.getMessage());
        }
    }
}
