package nl.learnerwallet.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.sync.BackupEnvelope;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.sync.WalletSnapshot;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * Backup and restore of a wallet of 1,000 credentials against the real server (its packaged jar,
 * on loopback, SQLite), the server's time from start to first answered request and its resident
 * memory. Each figure beside a baseline measured in the same run:
 * <ul>
 * <li>backup and restore beside sealing/opening the same snapshot locally (the client's own
 *     share of the work), so the ratio shows what the network and server add;</li>
 * <li>server start beside a bare JVM's start to its first line of output.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar nl.learnerwallet.benchmarks.BackupRestoreHarness
 * wallet-server/target/wallet-server.jar}
 */
public final class BackupRestoreHarness {

    private static final int CREDENTIALS = 1000;
    private static final int ROUNDS = 7;

    private BackupRestoreHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Paths.get(args.length > 0 ? args[0] : "wallet-server/target/wallet-server.jar");
        Path folder = Files.createTempDirectory("lw-bench");
        WalletContext context = new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline());

        long bareJvm = bareJvmStartNanos();
        // A first start makes the class-data sharing archive, as the first `wallet server` does.
        Path archive = folder.resolve("wallet-server.jsa");
        ServerUnderTest.start(serverJar, folder, "-XX:ArchiveClassesAtExit=" + archive).close();

        long started = System.nanoTime();
        ServerUnderTest server = ServerUnderTest.start(serverJar, folder, "-XX:SharedArchiveFile=" + archive);
        long startNanos = System.nanoTime() - started;
        String url = server.url();
        Thread.sleep(1000);
        long idleRss = server.residentKiB();

        try {
            TestIssuer issuer = TestIssuer.es256();
            TrustList trust = TrustList.empty().with(new TrustEntry(issuer.did(), "Bench", "bench", null));
            Wallet.Created created = Wallet.create(new SqliteJdbcRecordStore(
                    DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("wallet.db"))), "benchmark passphrase".toCharArray(), context);
            Wallet wallet = created.wallet();
            DutchCredentials.Shape[] shapes = DutchCredentials.Shape.values();
            for (int i = 0; i < CREDENTIALS; i++) {
                wallet.importCredential(DutchCredentials.of(shapes[i % shapes.length], issuer).toHolder(wallet.holderDid())
                        .signed().getBytes(StandardCharsets.UTF_8), trust);
            }
            ServerClient client = new ServerClient(url, wallet.accountKey(), context.clock(), context.random());
            client.register();
            wallet.putSetting(SyncService.SERVER_URL, url);
            SyncService sync = new SyncService(wallet, client, context);

            List<Long> backups = new ArrayList<>();
            List<Long> seals = new ArrayList<>();
            List<Long> restores = new ArrayList<>();
            List<Long> opens = new ArrayList<>();
            long bytes = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                byte[] sealed = BackupEnvelope.seal(wallet.backupKey(), wallet.accountKey().publicKey(), 1,
                        new WalletSnapshot(wallet.records(), trust).toJson(), context.random());
                seals.add(System.nanoTime() - t0);
                bytes = sealed.length;

                long t1 = System.nanoTime();
                sync.backup(trust);
                backups.add(System.nanoTime() - t1);

                long t2 = System.nanoTime();
                WalletSnapshot.fromJson(BackupEnvelope.open(wallet.backupKey(), wallet.accountKey().publicKey(), sealed));
                opens.add(System.nanoTime() - t2);

                Path restoreDb = folder.resolve("restored-" + round + ".db");
                long t3 = System.nanoTime();
                SyncService.Restored restored = SyncService.restore(new SqliteJdbcRecordStore(
                        DriverManager.getConnection("jdbc:sqlite:" + restoreDb)), url, created.recoveryCode(),
                        "another passphrase".toCharArray(), context);
                restores.add(System.nanoTime() - t3);
                if (restored.wallet().credentials().size() != CREDENTIALS) {
                    throw new IllegalStateException("restore lost credentials");
                }
                restored.wallet().close();
            }
            long rss = server.residentKiB();
            System.out.printf("wallet: %d credentials, backup envelope %.1f MiB%n", CREDENTIALS, bytes / 1048576.0);
            System.out.printf("backup  (seal + upload, median of %d): %7.1f ms   local seal alone: %6.1f ms   ratio %.1fx%n",
                    ROUNDS, ms(median(backups)), ms(median(seals)), (double) median(backups) / median(seals));
            System.out.printf("restore (download + open + store, median): %7.1f ms   local open alone: %6.1f ms   ratio %.1fx%n",
                    ms(median(restores)), ms(median(opens)), (double) median(restores) / median(opens));
            System.out.printf("server start to first answered request: %7.1f ms   bare JVM start: %6.1f ms   ratio %.1fx%n",
                    ms(startNanos), ms(bareJvm), (double) startNanos / bareJvm);
            System.out.printf("server resident memory: %.1f MiB idle after start, %.1f MiB after the backups and restores%n",
                    idleRss / 1024.0, rss / 1024.0);
            wallet.close();
        } finally {
            server.close();
        }
    }

    /** A JVM that prints one line: the floor under any Java server's start. */
    private static long bareJvmStartNanos() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(ServerUnderTest.java(), "-version").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        process.waitFor();
        return System.nanoTime() - t0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
