package nl.learnerwallet.client.share;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * The exam committee's decisions on one of the learner's exemption shares, as the learner's
 * clients show them: each listed decision read and verified online as any credential (the
 * committee is trusted only when the learner's trust list says so), and kept in the wallet on
 * request when it is genuine enough to import.
 */
public final class ExemptionDecisions {

    private static final int MAX_CREDENTIAL_LENGTH = 1024 * 1024;

    private ExemptionDecisions() {
    }

    /** Why a listed decision shows no decision. */
    public enum Problem {
        /** The credential verifies as a credential but carries no exemption decision. */
        NO_DECISION,
        /** The listed entry is not a readable credential; {@link Checked#detail()} says what failed. */
        UNREADABLE
    }

    /**
     * A listed decision as verified. {@code decision} is null when the credential holds none (then
     * {@code problem} says why); {@code id} and {@code issuer} are null when they could not be read.
     */
    public record Checked(int number, String id, String issuer, VerificationStatus status, ExemptionDecision decision,
            Problem problem, String detail, String credential) {

        /** Whether it may be kept in the wallet: it holds a decision and its signature is not broken. */
        public boolean importable() {
            return decision != null && status != VerificationStatus.TAMPERED && status != VerificationStatus.MALFORMED;
        }
    }

    /** Reads and verifies one decision the share's server listed; a bad entry comes back as such, never thrown. */
    public static Checked check(Wallet wallet, ShareLinks.ReceivedDecision received, TrustList trustList) {
        String id = null;
        String issuer = null;
        try {
            JsonNode payload = CompactJws.parse(received.credential(), MAX_CREDENTIAL_LENGTH).payload();
            JsonNode credential = payload.has("vc") ? payload.path("vc") : payload;
            id = credential.path("id").asText(payload.path("jti").asText(null));
            issuer = payload.path("iss").asText(null);
            ExemptionDecision decision = ExemptionDecision.inCredential(credential);
            VerificationStatus status = wallet.verifyInput(received.credential().getBytes(StandardCharsets.US_ASCII),
                    trustList).report().status();
            return new Checked(received.number(), id, issuer, status, decision,
                    decision == null ? Problem.NO_DECISION : null, null, received.credential());
        } catch (RuntimeException e) {
            // One bad entry in the list is shown as such; the others still count.
            return new Checked(received.number(), id, issuer, VerificationStatus.MALFORMED, null, Problem.UNREADABLE,
                    e.getMessage(), received.credential());
        }
    }

    /**
     * Keeps a checked decision in the wallet as a credential.
     *
     * @return the wallet's id for it, or null when it is not {@link Checked#importable()}
     */
    public static String keep(Wallet wallet, Checked checked, TrustList trustList) {
        if (!checked.importable()) {
            return null;
        }
        return wallet.importCredential(checked.credential().getBytes(StandardCharsets.US_ASCII), trustList)
                .credential().id();
    }
}
