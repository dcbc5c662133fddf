package nl.learnerwallet.model.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.IssuerTrustCheck;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientCheck;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.ValidityCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * An OB 3.0 / W3C VC secured with a Data Integrity proof ({@code eddsa-rdfc-2022} and others).
 * This version does not verify such proofs (that needs RDF canonicalisation with bundled JSON-LD
 * contexts), so the signature and issuer key are inconclusive with {@code UNSUPPORTED_PROOF_TYPE}
 * and the credential is UNVERIFIABLE at best; what needs no proof (trust, recipient, validity,
 * status) is still checked and the card is read.
 */
public final class DataIntegrityCredential {

    private final JsonNode credential;

    private DataIntegrityCredential(JsonNode credential) {
        this.credential = credential;
    }

    /** @throws UntrustedInputException when the JSON is not acceptable */
    public static DataIntegrityCredential parse(String json) {
        return new DataIntegrityCredential(StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    public String issuerId() {
        JsonNode issuer = credential.path("issuer");
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").asText(null);
    }

    public Instant validFrom() {
        Instant from = date("validFrom");
        return from != null ? from : date("issuanceDate");
    }

    public Instant validUntil() {
        Instant until = date("validUntil");
        return until != null ? until : date("expirationDate");
    }

    public CredentialCard card() {
        return Ob3CardMapper.map(credential, issuerId(), validFrom(), validFrom(), validUntil());
    }

    public static VerificationReport verify(String json, StatusCheck statusCheck, VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        DataIntegrityCredential parsed;
        try {
            parsed = parse(json);
        } catch (UntrustedInputException e) {
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.BAD_JSON, e.getMessage()));
            return VerificationReport.of(context.clock().instant(), checks);
        }
        if (parsed.issuerId() == null || !parsed.credential.path("proof").isContainerNode()) {
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "no issuer or proof"));
            return VerificationReport.of(context.clock().instant(), checks);
        }
        checks.add(CheckResult.passed(CheckId.FORMAT));
        String cryptosuite = parsed.credential.path("proof").path("cryptosuite").asText(
                parsed.credential.path("proof").path("type").asText("unknown"));
        checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, Reason.UNSUPPORTED_PROOF_TYPE, cryptosuite));
        checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, Reason.UNSUPPORTED_PROOF_TYPE,
                "Data Integrity proofs (" + cryptosuite + ") are not verified by this version"));
        checks.addAll(parsed.contentChecks(context));
        checks.add(statusCheck.check(parsed.credential.get("credentialStatus"), parsed.issuerId(), context.clock()));
        return VerificationReport.of(context.clock().instant(), checks);
    }

    /** Issuer trust, recipient and validity: what can be re-checked offline. */
    public List<CheckResult> contentChecks(VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new IssuerTrustCheck(context.trustList()).check(issuerId()));
        checks.add(new RecipientCheck(context.identities()).check(credential.get("credentialSubject")));
        checks.add(new ValidityCheck(context.clock()).check(validFrom(), validUntil()));
        return checks;
    }

    private Instant date(String field) {
        String text = credential.path(field).asText(null);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
