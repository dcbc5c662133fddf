package nl.learnerwallet.client.sync;

import java.util.ArrayList;
import nl.learnerwallet.client.wallet.WalletRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Merges two devices' wallets item by item. The rule, stated once:
 * <ol>
 * <li>An item on one side only is kept (an addition from either side survives).</li>
 * <li>A deletion wins: a tombstone on either side stays a tombstone, so a merge never brings
 *     back what a learner deleted.</li>
 * <li>An item changed on both sides keeps the later change (by its update time); on a tie, the
 *     one whose content sorts first, so that every device reaches the same result.</li>
 * <li>Trust lists are united; an entry on both sides keeps the local name.</li>
 * </ol>
 */
public final class SnapshotMerge {

    private SnapshotMerge() {
    }

    /** What a merge did, for the learner. */
    public record Result(WalletSnapshot merged, int fromRemote, int deletedByRemote, int conflicts) {
    }

    public static Result merge(WalletSnapshot local, WalletSnapshot remote) {
        Map<String, WalletRecord> merged = new LinkedHashMap<>();
        for (WalletRecord record : local.records()) {
            merged.put(record.key(), record);
        }
        int fromRemote = 0;
        int deletedByRemote = 0;
        int conflicts = 0;
        for (WalletRecord theirs : remote.records()) {
            WalletRecord ours = merged.get(theirs.key());
            if (ours == null) {
                merged.put(theirs.key(), theirs);
                fromRemote++;
            } else if (ours.sameAs(theirs)) {
                if (theirs.updatedAt() > ours.updatedAt()) {
                    merged.put(theirs.key(), theirs);
                }
            } else if (ours.deleted() || theirs.deleted()) {
                WalletRecord tombstone = ours.deleted() ? ours : theirs;
                long when = Math.max(ours.updatedAt(), theirs.updatedAt());
                merged.put(theirs.key(), new WalletRecord(tombstone.type(), tombstone.id(),
                        Math.min(ours.createdAt(), theirs.createdAt()), when, true, null));
                if (theirs.deleted()) {
                    deletedByRemote++;
                }
            } else {
                conflicts++;
                if (theirs.updatedAt() > ours.updatedAt()
                        || (theirs.updatedAt() == ours.updatedAt() && compare(theirs.content(), ours.content()) < 0)) {
                    merged.put(theirs.key(), theirs);
                }
            }
        }
        TrustList trust = local.trustList();
        for (TrustEntry entry : remote.trustList().entries()) {
            if (!trust.contains(entry.id())) {
                trust = trust.with(entry);
            }
        }
        return new Result(new WalletSnapshot(new ArrayList<>(merged.values()), trust), fromRemote, deletedByRemote, conflicts);
    }

    private static int compare(byte[] left, byte[] right) {
        int length = Math.min(left.length, right.length);
        for (int i = 0; i < length; i++) {
            int difference = (left[i] & 0xff) - (right[i] & 0xff);
            if (difference != 0) {
                return difference;
            }
        }
        return left.length - right.length;
    }

    /** Whether two snapshots hold the same records and trust list (timestamps aside). */
    public static boolean sameContent(WalletSnapshot left, WalletSnapshot right) {
        if (left.records().size() != right.records().size()
                || left.trustList().entries().size() != right.trustList().entries().size()) {
            return false;
        }
        Map<String, WalletRecord> index = new LinkedHashMap<>();
        for (WalletRecord record : right.records()) {
            index.put(record.key(), record);
        }
        for (WalletRecord record : left.records()) {
            WalletRecord other = index.get(record.key());
            if (other == null || !other.sameAs(record)) {
                return false;
            }
        }
        for (TrustEntry entry : left.trustList().entries()) {
            if (!right.trustList().contains(entry.id())) {
                return false;
            }
        }
        return true;
    }
}
