package nl.learnerwallet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The same share page with 1,000 and with 1,000,000 shares in the server's database, side by
 * side in one run: two servers (SQLite, as `wallet server` runs) whose databases differ only in
 * how many other shares they hold. The other shares are written straight into the SQLite file
 * (random token hashes, as real ones are) while the server is stopped, then the server is
 * started again. Closed-loop load on each in alternating rounds; the ratio is of the time per
 * page (= throughput with 1,000 / throughput with 1,000,000).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar nl.learnerwallet.benchmarks.ShareLookupScaling
 * wallet-server/target/wallet-server.jar [connections] [seconds]}
 */
public final class ShareLookupScaling {

    private static final int SMALL = 1_000;
    private static final int LARGE = 1_000_000;

    private ShareLookupScaling() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Paths.get(args.length > 0 ? args[0] : "wallet-server/target/wallet-server.jar");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path folder = Files.createTempDirectory("lw-lookup");
        try (BenchWallet wallet = new BenchWallet(folder, 5)) {
            List<String> options = List.of(wallet.trustListOption(folder));
            String smallPage = shareThenSeed(serverJar, folder, "small", options, wallet, SMALL);
            String largePage = shareThenSeed(serverJar, folder, "large", options, wallet, LARGE);
            try (ServerUnderTest small = ServerUnderTest.start(serverJar, folder, "small", port(smallPage), options);
                    ServerUnderTest large = ServerUnderTest.start(serverJar, folder, "large", port(largePage), options)) {
                LoadDriver.run(smallPage, connections, 3);
                LoadDriver.run(largePage, connections, 3);
                LoadDriver.Result[] withSmall = new LoadDriver.Result[2];
                LoadDriver.Result[] withLarge = new LoadDriver.Result[2];
                for (int round = 0; round < 2; round++) {
                    withSmall[round] = LoadDriver.run(smallPage, connections, seconds);
                    withLarge[round] = LoadDriver.run(largePage, connections, seconds);
                }
                System.out.printf("%d connections, %d s per round, two rounds each, alternating; database files %.0f MiB and %.0f MiB%n",
                        connections, seconds, megabytes(folder.resolve("small")), megabytes(folder.resolve("large")));
                LoadDriver.print("share page, 1,000 shares in the database", withSmall);
                LoadDriver.print("share page, 1,000,000 shares in the database", withLarge);
                System.out.printf("time per page ratio 1,000,000 / 1,000 shares: %.2f%n",
                        LoadDriver.mean(withSmall) / LoadDriver.mean(withLarge));
            }
        }
    }

    private static int port(String link) {
        return java.net.URI.create(link).getPort();
    }

    /** Makes the real share through the server, stops it, and fills its database up to {@code total} shares; returns the link. */
    private static String shareThenSeed(Path serverJar, Path folder, String name, List<String> options, BenchWallet wallet,
            int total) throws Exception {
        String link;
        try (ServerUnderTest server = ServerUnderTest.start(serverJar, folder, name, options)) {
            link = wallet.share(server.url());
        }
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(name).resolve("wallet-server.db"))) {
            db.setAutoCommit(false);
            String account;
            try (Statement statement = db.createStatement();
                    ResultSet row = statement.executeQuery("SELECT public_key FROM accounts")) {
                row.next();
                account = row.getString(1);
            }
            SecureRandom random = new SecureRandom();
            byte[] hash = new byte[32];
            long now = Instant.now().getEpochSecond();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO shares (id, account_key, token_hash, nonce, "
                    + "purpose, created_at, expires_at, max_views, views, revoked_at, active, payload) "
                    + "VALUES (?, ?, ?, 'seeded', 'employer', ?, ?, NULL, 0, NULL, 1, NULL)")) {
                for (int i = 1; i < total; i++) {
                    random.nextBytes(hash);
                    insert.setString(1, String.format("seed%012d", i));
                    insert.setString(2, account);
                    insert.setString(3, HexFormat.of().formatHex(hash));
                    insert.setLong(4, now);
                    insert.setLong(5, now + 7 * 86_400);
                    insert.addBatch();
                    if (i % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
        }
        System.out.printf("seeded %,d shares into %s in %.1f s%n", total - 1, name, (System.nanoTime() - started) / 1e9);
        return link;
    }

    private static double megabytes(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            long bytes = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                bytes += Files.size(file);
            }
            return bytes / 1048576.0;
        }
    }
}
