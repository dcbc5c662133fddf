package nl.learnerwallet.server.dossier;

import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CheckId;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.server.db.RowIds;
import nl.learnerwallet.server.db.WriteGate;
import nl.learnerwallet.server.share.Share;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an exam committee's decision on a dossier and shows the decisions again. A decision is
 * taken only when it verifies (an institution not on the trust list is taken and shown as such),
 * holds an exemption decision for exactly this dossier and this learner, and follows the latest
 * decision (none for the first). Logs share ids and numbers, never a decision's content.
 */
@Singleton
public class DecisionService {

    /** A decision credential is a few kilobytes; anything over this is not one. */
    public static final int MAX_DECISION_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    private final CredentialVerifier verifier;
    private final TrustList trustList;
    private final DecisionLedger ledger;
    private final WriteGate writeGate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DecisionService(CredentialVerifier verifier, TrustList trustList, DecisionLedger ledger, WriteGate writeGate,
            Clock clock) {
        this.verifier = verifier;
        this.trustList = trustList;
        this.ledger = ledger;
        this.writeGate = writeGate;
        this.clock = clock;
    }

    /** A decision taken: its own id and its place in the dossier's order. */
    public record Accepted(String id, int number) {
    }

    /**
     * @param share an active share, opened with {@code token}
     * @throws DecisionRefusal for every reason a decision is not taken (see {@link DecisionRefusal.Reason})
     */
    public Accepted accept(Share share, String token, String presentation, byte[] body) {
        if (body == null || body.length > MAX_DECISION_BYTES) {
            throw new DecisionRefusal(body == null ? DecisionRefusal.Reason.DECISION_MALFORMED
                    : DecisionRefusal.Reason.DECISION_TOO_LARGE, "a decision is a compact VC-JWT of at most 64 KiB");
        }
        Dossier dossier = Dossier.of(presentation);
        if (!dossier.isExemption(share.purpose()) || dossier.holder() == null) {
            throw new DecisionRefusal(DecisionRefusal.Reason.NOT_AN_EXEMPTION_DOSSIER, "this link is not an exemption dossier");
        }
        String compact = new String(body, StandardCharsets.UTF_8).trim();
        ReadCredential read;
        VcJwt jwt;
        try {
            read = CredentialReader.read(compact.getBytes(StandardCharsets.UTF_8));
            if (read.format() != CredentialFormat.OB3_JWT) {
                throw malformed("a decision is an Open Badges 3.0 credential as a VC-JWT");
            }
            jwt = VcJwt.parse(compact);
        } catch (LearnerWalletException | IllegalArgumentException e) {
            throw malformed("the decision is not a readable VC-JWT");
        }
        VerificationReport report = verify(read, dossier.holder()).report();
        VerificationStatus status = report.status();
        if (status == VerificationStatus.MALFORMED) {
            throw malformed("the decision is not a readable credential");
        }
        if (status == VerificationStatus.TAMPERED) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_SIGNATURE,
                    "the decision is not signed with the institution's key, or was changed after signing");
        }
        CheckResult signature = report.check(CheckId.SIGNATURE);
        if (signature == null || signature.outcome() != Outcome.PASSED) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_SIGNATURE,
                    "the decision's signature could not be checked against the institution's published key");
        }
        if (status == VerificationStatus.UNKNOWN_ISSUER) {
            // Only institutions this server recognises decide: else anyone with the link could post
            // a self-signed "granted", or fill the dossier with decisions the committee must follow.
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_UNTRUSTED,
                    "the institution that signed the decision is not on this server's trust list");
        }
        ExemptionDecision decision;
        try {
            decision = ExemptionDecision.inCredential(jwt.credential());
        } catch (UntrustedInputException e) {
            throw malformed("the credential's exemption decision cannot be read: " + e.getMessage());
        }
        if (decision == null) {
            throw malformed("the credential holds no exemption decision");
        }
        if (!decision.dossier().equals(dossier.hash())) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_OTHER_DOSSIER, "a decision for another dossier");
        }
        if (!dossier.holder().equals(subjectId(jwt.credential())) || status == VerificationStatus.NOT_RECIPIENT) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_NOT_FOR_HOLDER,
                    "the decision is not about the learner who shared this dossier");
        }
        if (status == VerificationStatus.REVOKED || status == VerificationStatus.EXPIRED) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_NOT_VALID, "the decision is revoked or not valid now");
        }
        String id = decisionId(jwt);
        if (id == null) {
            throw malformed("the decision credential has no id (jti)");
        }
        String followsHash = decision.follows() == null ? null : idHash(decision.follows());
        byte[] bytes = compact.getBytes(StandardCharsets.UTF_8);
        ShareDecision stored;
        try {
            stored = writeGate.write(() -> ledger.append(share.id(), token, idHash(id), followsHash, bytes,
                    clock.instant().getEpochSecond(), randomId()));
        } catch (io.micronaut.data.exceptions.DataAccessException raced) {
            // Another decision was taken at the same moment (another instance, say): this one follows nothing now.
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_EXISTS,
                    "another decision was taken at the same moment; decide again, following it");
        }
        LOG.info("share {} took decision {}", share.id(), stored.number());
        return new Accepted(id, stored.number());
    }

    /** One stored decision, opened: its number, the compact credential and when it arrived. */
    public record Stored(int number, String credential, Instant receivedAt, String idHash) {
    }

    /** The dossier's decisions in order, opened with the token (none that do not open). */
    public List<Stored> stored(Share share, String token) {
        List<Stored> out = new ArrayList<>();
        for (ShareDecision row : ledger.list(share.id())) {
            try {
                String credential = new String(ShareToken.open(token, DecisionLedger.sealContext(share.id(), row.number()),
                        row.sealed()), StandardCharsets.UTF_8);
                out.add(new Stored(row.number(), credential, Instant.ofEpochSecond(row.receivedAt()), row.decisionHash()));
            } catch (DecryptionFailedException e) {
                LOG.warn("share {} decision {} does not open with its token", share.id(), row.number());
            }
        }
        return out;
    }

    /** The dossier's decisions, each verified again now, as the page and the PDF show them. */
    public List<ShownDecision> shown(Share share, String token, String holder) {
        List<Stored> stored = stored(share, token);
        if (stored.isEmpty()) {
            return Collections.emptyList();
        }
        Map<String, Integer> numbers = new HashMap<>();
        for (Stored each : stored) {
            numbers.put(each.idHash(), each.number());
        }
        List<ShownDecision> out = new ArrayList<>();
        for (Stored each : stored) {
            // Stored decisions were readable when taken; verified again, as credentials are on every view.
            CredentialVerifier.Verified verified = verify(CredentialReader.read(each.credential().getBytes(StandardCharsets.UTF_8)),
                    holder);
            ExemptionDecision decision;
            try {
                decision = ExemptionDecision.inCredential(VcJwt.parse(each.credential()).credential());
            } catch (LearnerWalletException e) {
                decision = null;
            }
            Integer follows = decision == null || decision.follows() == null ? null : numbers.get(idHash(decision.follows()));
            out.add(new ShownDecision(each.number(), each.credential(), each.receivedAt(), verified.report(), verified.card(),
                    decision, follows));
        }
        return out;
    }

    private CredentialVerifier.Verified verify(ReadCredential read, String holder) {
        RecipientIdentities recipient = new RecipientIdentities(Collections.singletonList(holder),
                Collections.<String>emptyList(), Collections.<String>emptyList());
        return verifier.verify(read, new VerificationContext(trustList, recipient, clock));
    }

    private static String subjectId(JsonNode credential) {
        JsonNode subject = credential.path("credentialSubject");
        return (subject.isArray() ? subject.path(0) : subject).path("id").asText(null);
    }

    /** The credential's own id: {@code jti}, else the credential's {@code id}. */
    private static String decisionId(VcJwt jwt) {
        String jti = jwt.payload().path("jti").asText(null);
        if (jti != null && !jti.isEmpty()) {
            return jti;
        }
        String id = jwt.credential().path("id").asText(null);
        return id == null || id.isEmpty() ? null : id;
    }

    private static String idHash(String id) {
        return SignedRequest.sha256Hex(id.getBytes(StandardCharsets.UTF_8));
    }

    private static DecisionRefusal malformed(String message) {
        return new DecisionRefusal(DecisionRefusal.Reason.DECISION_MALFORMED, message);
    }

    private String randomId() {
        return RowIds.next(random);
    }
}
