package nl.learnerwallet.client.sync;

import nl.learnerwallet.client.keys.AccountKey;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.client.keys.KeyDerivation;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Backup, sync and restore against the learner's wallet server. A backup that finds another
 * device got there first fetches, merges item by item ({@link SnapshotMerge}) and uploads the
 * merge. The client refuses a server version older than the last it saw (rollback) and any
 * backup that does not decrypt under its key and version.
 */
public final class SyncService {

    /** The setting that remembers which server this wallet backs up to. */
    public static final String SERVER_URL = "server.url";
    private static final int ATTEMPTS = 5;

    private final Wallet wallet;
    private final ServerClient server;
    private final WalletContext context;

    public SyncService(Wallet wallet, ServerClient server, WalletContext context) {
        this.wallet = wallet;
        this.server = server;
        this.context = context;
    }

    /** The server this wallet is registered with. @throws ServerException {@code NOT_REGISTERED} */
    public static ServerClient clientFor(Wallet wallet, WalletContext context) {
        String url = wallet.setting(SERVER_URL);
        if (url == null) {
            throw new ServerException(ServerException.Problem.NOT_REGISTERED,
                    "this wallet has no server yet; run `wallet account register --server URL`");
        }
        return new ServerClient(url, wallet.accountKey(), context.clock(), context.random());
    }

    /** What a backup or sync did, for the learner. */
    public record Outcome(long version, boolean uploaded, int fromServer, int deletedOnServer, int conflicts,
            TrustList trustList) {
    }

    /** Uploads the wallet; when another device uploaded first, merges with its backup and uploads the merge. */
    public Outcome backup(TrustList trustList) {
        long seen = wallet.lastSeenBackupVersion();
        try {
            long version = server.upload(seen, seal(new WalletSnapshot(wallet.records(), trustList), seen + 1));
            wallet.setLastSeenBackupVersion(version);
            return new Outcome(version, true, 0, 0, 0, trustList);
        } catch (ServerException e) {
            if (e.problem() != ServerException.Problem.STALE_VERSION) {
                throw e;
            }
            if (e.currentVersion() < seen) {
                throw rollback(e.currentVersion(), seen);
            }
            return sync(trustList);
        }
    }

    /** Fetches the newest backup, merges it into this wallet, and uploads the merge when it differs. */
    public Outcome sync(TrustList trustList) {
        TrustList trust = trustList;
        int fromServer = 0;
        int deleted = 0;
        int conflicts = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long seen = wallet.lastSeenBackupVersion();
            ServerClient.RemoteBackup remote = server.latest();
            WalletSnapshot local = new WalletSnapshot(wallet.records(), trust);
            if (remote == null) {
                if (seen > 0) {
                    throw rollback(0, seen);
                }
                long version = upload(0, local);
                if (version < 0) {
                    continue;
                }
                return new Outcome(version, true, 0, 0, 0, trust);
            }
            if (remote.version() < seen) {
                throw rollback(remote.version(), seen);
            }
            WalletSnapshot theirs = open(remote);
            SnapshotMerge.Result merge = SnapshotMerge.merge(local, theirs);
            wallet.replaceRecords(merge.merged().records());
            trust = merge.merged().trustList();
            fromServer += merge.fromRemote();
            deleted += merge.deletedByRemote();
            conflicts += merge.conflicts();
            wallet.setLastSeenBackupVersion(remote.version());
            if (SnapshotMerge.sameContent(merge.merged(), theirs)) {
                return new Outcome(remote.version(), false, fromServer, deleted, conflicts, trust);
            }
            long version = upload(remote.version(), new WalletSnapshot(wallet.records(), trust));
            if (version >= 0) {
                return new Outcome(version, true, fromServer, deleted, conflicts, trust);
            }
        }
        throw new ServerException(ServerException.Problem.STALE_VERSION,
                "other devices kept backing up at the same time; try again in a moment");
    }

    /** A restored wallet, the trust list that came with it, and the version it came from. */
    public record Restored(Wallet wallet, TrustList trustList, long version) {
    }

    /**
     * Rebuilds the wallet on a fresh device from the newest backup, with only the recovery code.
     *
     * @throws ServerException {@code NO_BACKUP} when there is none, {@code NOT_AUTHENTIC} when it
     *     does not decrypt under this code, or a connection problem
     */
    public static Restored restore(RecordStore store, String serverUrl, RecoveryCode code, char[] passphrase,
            WalletContext context) {
        AccountKey accountKey = AccountKey.fromRecoveryCode(code);
        ServerClient server = new ServerClient(serverUrl, accountKey, context.clock(), context.random());
        ServerClient.RemoteBackup remote = server.latest();
        if (remote == null) {
            throw new ServerException(ServerException.Problem.NO_BACKUP, "this account has no backup to restore");
        }
        WalletSnapshot snapshot = open(KeyDerivation.fromRecoveryCode(code, KeyDerivation.BACKUP_KEY),
                accountKey.publicKey(), remote);
        Wallet wallet = Wallet.restore(store, code, passphrase, snapshot.records(), context);
        wallet.setLastSeenBackupVersion(remote.version());
        if (!serverUrl.equals(wallet.setting(SERVER_URL))) {
            wallet.putSetting(SERVER_URL, serverUrl);
        }
        return new Restored(wallet, snapshot.trustList(), remote.version());
    }

    /** Uploads a snapshot as the version after {@code replaces}; -1 when another device came first. */
    private long upload(long replaces, WalletSnapshot snapshot) {
        try {
            long version = server.upload(replaces, seal(snapshot, replaces + 1));
            wallet.setLastSeenBackupVersion(version);
            return version;
        } catch (ServerException e) {
            if (e.problem() == ServerException.Problem.STALE_VERSION) {
                return -1;
            }
            throw e;
        }
    }

    private byte[] seal(WalletSnapshot snapshot, long version) {
        return BackupEnvelope.seal(wallet.backupKey(), wallet.accountKey().publicKey(), version, snapshot.toJson(),
                context.random());
    }

    private WalletSnapshot open(ServerClient.RemoteBackup remote) {
        return open(wallet.backupKey(), wallet.accountKey().publicKey(), remote);
    }

    private static WalletSnapshot open(byte[] backupKey, String account, ServerClient.RemoteBackup remote) {
        try {
            if (BackupEnvelope.version(remote.envelope()) != remote.version()) {
                throw new ServerException(ServerException.Problem.NOT_AUTHENTIC,
                        "the server sent a backup under another version than it claims");
            }
            return WalletSnapshot.fromJson(BackupEnvelope.open(backupKey, account, remote.envelope()));
        } catch (DecryptionFailedException | UntrustedInputException e) {
            throw new ServerException(ServerException.Problem.NOT_AUTHENTIC,
                    "the backup on the server does not decrypt with this wallet's key: it was altered or is not yours", -1, e);
        }
    }

    private static ServerException rollback(long offered, long seen) {
        return new ServerException(ServerException.Problem.ROLLBACK, "the server offers backup version " + offered
                + ", older than version " + seen + " this device already saw; it may have been rolled back", -1, null);
    }
}
