package nl.learnerwallet.server.dossier;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import nl.learnerwallet.model.protocol.ShareToken;

/**
 * Appends decisions to a dossier in one transaction: the order check and the insert together, so
 * that two committees posting at once cannot both become "the latest". The unique constraints on
 * (share, number) and (share, decision) back this up across instances.
 */
@Singleton
public class DecisionLedger {

    /** Decisions one dossier can hold: a dossier with more is being abused, not decided on. */
    static final int MAX_DECISIONS = 50;

    private final ShareDecisionRepository decisions;
    private final SecureRandom random = new SecureRandom();

    private final nl.learnerwallet.server.share.ShareRepository shares;

    public DecisionLedger(ShareDecisionRepository decisions, nl.learnerwallet.server.share.ShareRepository shares) {
        this.decisions = decisions;
        this.shares = shares;
    }

    /**
     * @param followsHash the hash of the id the decision says it follows, or null
     * @throws DecisionRefusal {@code DECISION_EXISTS} for a decision already stored or one that does
     *     not follow the latest, {@code DECISION_FOLLOWS_UNKNOWN} for a first decision naming one
     */
    @Transactional
    public ShareDecision append(String shareId, String token, String decisionHash, String followsHash, byte[] credential,
            long now, String rowId) {
        // Checked again inside the write: a share revoked while the decision was being verified takes none.
        nl.learnerwallet.server.share.Share current = shares.findById(shareId).orElse(null);
        if (current == null || !current.active() || current.revokedAt() != null) {
            throw new DecisionRefusal(DecisionRefusal.Reason.UNKNOWN_SHARE, "this link does not exist or no longer works");
        }
        List<ShareDecision> existing = decisions.findByShareIdOrderByNumber(shareId);
        for (ShareDecision stored : existing) {
            if (stored.decisionHash().equals(decisionHash)) {
                throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_EXISTS,
                        "a decision cannot be changed, only followed by a new one (this one is decision " + stored.number() + ")");
            }
        }
        if (existing.isEmpty() && followsHash != null) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_FOLLOWS_UNKNOWN,
                    "this is the first decision on the dossier, so it cannot follow another");
        }
        if (!existing.isEmpty()) {
            ShareDecision latest = existing.get(existing.size() - 1);
            if (!latest.decisionHash().equals(followsHash)) {
                throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_EXISTS, "a decision cannot be changed, only "
                        + "followed by a new one: name the id of decision " + latest.number() + " in follows");
            }
        }
        if (existing.size() >= MAX_DECISIONS) {
            throw new DecisionRefusal(DecisionRefusal.Reason.TOO_MANY_DECISIONS, "this dossier holds as many decisions as it can");
        }
        int number = existing.size() + 1;
        ShareDecision row = new ShareDecision(rowId, shareId, number, decisionHash,
                ShareToken.seal(token, sealContext(shareId, number), credential, random), now);
        decisions.save(row);
        return row;
    }

    @Transactional
    public List<ShareDecision> list(String shareId) {
        return decisions.findByShareIdOrderByNumber(shareId);
    }

    /** What a sealed decision is bound to: its share and its place, so rows cannot be swapped. */
    static String sealContext(String shareId, int number) {
        return shareId + "/decision/" + number;
    }
}
