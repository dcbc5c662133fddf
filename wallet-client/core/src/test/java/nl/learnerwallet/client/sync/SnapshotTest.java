package nl.learnerwallet.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.client.wallet.WalletRecord;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import org.junit.jupiter.api.Test;

class SnapshotTest {

    private final SecureRandom random = new SecureRandom();

    private static WalletRecord live(String id, long updated, String content) {
        return new WalletRecord("credential", id, 1, updated, false, content.getBytes(StandardCharsets.UTF_8));
    }

    private static WalletRecord tombstone(String id, long updated) {
        return new WalletRecord("credential", id, 1, updated, true, null);
    }

    private static WalletSnapshot snapshot(WalletRecord... records) {
        return new WalletSnapshot(Arrays.asList(records), TrustList.empty());
    }

    private static List<String> liveIds(WalletSnapshot snapshot) {
        List<String> ids = new ArrayList<>();
        for (WalletRecord record : snapshot.records()) {
            if (!record.deleted()) {
                ids.add(record.id());
            }
        }
        return ids;
    }

    @Test
    void additionsFromBothSidesSurvive() {
        SnapshotMerge.Result merged = SnapshotMerge.merge(snapshot(live("a", 5, "A")), snapshot(live("b", 6, "B")));
        assertThat(liveIds(merged.merged())).containsExactlyInAnyOrder("a", "b");
        assertThat(merged.fromRemote()).isEqualTo(1);
    }

    @Test
    void aDeletionWinsOverALaterChange() {
        SnapshotMerge.Result merged = SnapshotMerge.merge(snapshot(tombstone("a", 5)), snapshot(live("a", 9, "changed")));
        assertThat(liveIds(merged.merged())).isEmpty();
        SnapshotMerge.Result other = SnapshotMerge.merge(snapshot(live("a", 9, "changed")), snapshot(tombstone("a", 5)));
        assertThat(liveIds(other.merged())).isEmpty();
        assertThat(other.deletedByRemote()).isEqualTo(1);
    }

    @Test
    void anItemChangedOnBothSidesKeepsTheLaterChangeOnEveryDevice() {
        WalletRecord mine = live("a", 5, "mine");
        WalletRecord theirs = live("a", 7, "theirs");
        assertThat(new String(SnapshotMerge.merge(snapshot(mine), snapshot(theirs)).merged().records().get(0).content(),
                StandardCharsets.UTF_8)).isEqualTo("theirs");
        assertThat(new String(SnapshotMerge.merge(snapshot(theirs), snapshot(mine)).merged().records().get(0).content(),
                StandardCharsets.UTF_8)).isEqualTo("theirs");
        WalletRecord tieA = live("a", 7, "apple");
        WalletRecord tieB = live("a", 7, "banana");
        assertThat(SnapshotMerge.merge(snapshot(tieA), snapshot(tieB)).merged().records().get(0).content())
                .isEqualTo(SnapshotMerge.merge(snapshot(tieB), snapshot(tieA)).merged().records().get(0).content());
    }

    @Test
    void trustListsAreUnited() {
        TrustList mine = TrustList.empty().with(new TrustEntry("did:key:z6Mkone", "One", "user", null));
        TrustList theirs = TrustList.empty().with(new TrustEntry("did:key:z6Mktwo", "Two", "user", null));
        WalletSnapshot merged = SnapshotMerge.merge(new WalletSnapshot(new ArrayList<>(), mine),
                new WalletSnapshot(new ArrayList<>(), theirs)).merged();
        assertThat(merged.trustList().entries()).hasSize(2);
    }

    @Test
    void aWalletOfManyCredentialsRoundTripsThroughJson() {
        List<WalletRecord> records = new ArrayList<>();
        byte[] content = new byte[8000];
        random.nextBytes(content);
        for (int i = 0; i < 1000; i++) {
            records.add(new WalletRecord("credential", "id" + i, i, i, false, content));
        }
        byte[] json = new WalletSnapshot(records, TrustList.empty()).toJson();
        assertThat(json.length).isGreaterThan(4 * 1024 * 1024);
        assertThat(WalletSnapshot.fromJson(json).records()).hasSize(1000);
    }

    @Test
    void anEnvelopeOpensOnlyForItsAccountVersionAndUnalteredBytes() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] sealed = BackupEnvelope.seal(key, "account-a", 4, "wallet".getBytes(StandardCharsets.UTF_8), random);
        assertThat(BackupEnvelope.version(sealed)).isEqualTo(4);
        assertThat(new String(BackupEnvelope.open(key, "account-a", sealed), StandardCharsets.UTF_8)).isEqualTo("wallet");
        assertThatThrownBy(() -> BackupEnvelope.open(key, "account-b", sealed)).isInstanceOf(DecryptionFailedException.class);
        byte[] relabelled = sealed.clone();
        relabelled[11] = 3;
        assertThatThrownBy(() -> BackupEnvelope.open(key, "account-a", relabelled)).isInstanceOf(DecryptionFailedException.class);
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 5] ^= 1;
        assertThatThrownBy(() -> BackupEnvelope.open(key, "account-a", flipped)).isInstanceOf(DecryptionFailedException.class);
    }
}
