package nl.learnerwallet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.testsupport.PostgresServer;

/**
 * Load on the share page of a 5-credential share, side by side in one run: beside a trivial
 * endpoint of the same server (its static stylesheet); on SQLite and on PostgreSQL; and on
 * PostgreSQL with one instance and with two instances sharing the database (the load spread over
 * both, as a load balancer would). PostgreSQL runs privately on loopback with production
 * durability (fsync and synchronous commit on), as SQLite runs with synchronous=FULL. A fifth row,
 * for diagnosis only, is SQLite with synchronous=NORMAL (no fsync per commit): how much of the
 * page's cost is the flush of each view. Closed-loop clients; alternating rounds; throughput and
 * latency percentiles per round.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar nl.learnerwallet.benchmarks.SharePageLoad
 * wallet-server/target/wallet-server.jar [connections] [seconds]}
 */
public final class SharePageLoad {

    private SharePageLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path serverJar = Paths.get(args.length > 0 ? args[0] : "wallet-server/target/wallet-server.jar");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path folder = Files.createTempDirectory("lw-load");
        try (BenchWallet wallet = new BenchWallet(folder, 5); PostgresServer postgres = PostgresServer.start(true)) {
            String trust = wallet.trustListOption(folder);
            String database = postgres.createDatabase();
            List<String> onPostgres = new ArrayList<>(ServerUnderTest.onPostgres(database));
            onPostgres.add(trust);
            List<String> noFsync = List.of(trust, "-Ddatasources.default.url=jdbc:sqlite:" + folder.resolve("normal.db")
                    + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true");
            try (ServerUnderTest sqlite = ServerUnderTest.start(serverJar, folder, "sqlite", List.of(trust));
                    ServerUnderTest sqliteNoFsync = ServerUnderTest.start(serverJar, folder, "sqlite-normal", noFsync);
                    ServerUnderTest first = ServerUnderTest.start(serverJar, folder, "postgres-1", onPostgres);
                    ServerUnderTest second = ServerUnderTest.start(serverJar, folder, "postgres-2", onPostgres)) {
                String trivial = sqlite.url() + "/assets/share.css";
                String pageOnSqlite = wallet.share(sqlite.url());
                String pageWithoutFsync = wallet.share(sqliteNoFsync.url());
                String pageOnPostgres = wallet.share(first.url());
                String path = pageOnPostgres.substring(first.url().length());
                List<String> pageOnTwo = List.of(first.url() + path, second.url() + path);

                for (List<String> warmUp : List.of(List.of(trivial), List.of(pageOnSqlite), List.of(pageWithoutFsync), pageOnTwo)) {
                    LoadDriver.run(warmUp, connections, 3);
                }
                LoadDriver.Result[][] rounds = new LoadDriver.Result[5][2];
                for (int round = 0; round < 2; round++) {
                    rounds[0][round] = LoadDriver.run(trivial, connections, seconds);
                    rounds[1][round] = LoadDriver.run(pageOnSqlite, connections, seconds);
                    rounds[2][round] = LoadDriver.run(pageOnPostgres, connections, seconds);
                    rounds[3][round] = LoadDriver.run(pageOnTwo, connections, seconds);
                    rounds[4][round] = LoadDriver.run(pageWithoutFsync, connections, seconds);
                }
                System.out.printf("%d connections, %d s per round, two rounds each, alternating%n", connections, seconds);
                LoadDriver.print("trivial endpoint (GET /assets/share.css)", rounds[0]);
                LoadDriver.print("share page, SQLite, one instance", rounds[1]);
                LoadDriver.print("share page, PostgreSQL, one instance", rounds[2]);
                LoadDriver.print("share page, PostgreSQL, two instances", rounds[3]);
                LoadDriver.print("(diagnosis) share page, SQLite synchronous=NORMAL", rounds[4]);
                double trivialMean = LoadDriver.mean(rounds[0]);
                double sqliteMean = LoadDriver.mean(rounds[1]);
                double postgresMean = LoadDriver.mean(rounds[2]);
                System.out.printf("throughput ratio page (SQLite) / trivial: %.2f%n", sqliteMean / trivialMean);
                System.out.printf("throughput ratio page PostgreSQL / SQLite, one instance: %.2f%n", postgresMean / sqliteMean);
                System.out.printf("throughput ratio page PostgreSQL two instances / one: %.2f%n",
                        LoadDriver.mean(rounds[3]) / postgresMean);
                System.out.printf("(diagnosis) throughput ratio page without fsync / trivial: %.2f%n",
                        LoadDriver.mean(rounds[4]) / trivialMean);
            }
        }
    }
}
