package nl.learnerwallet.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * Load on the share page of a 5-credential share, beside a trivial endpoint of the same server
 * (its static stylesheet), in one run: closed-loop clients, each sending its next request when
 * the last one answered. Reports throughput and latency percentiles per endpoint and the ratio.
 * The load driver runs on the same two cores as the server, so both figures share that cost.
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
        TestIssuer issuer = TestIssuer.es256();
        Path trustFile = folder.resolve("trust.json");
        TrustList trust = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "bench", null));
        Files.write(trustFile, trust.toJson());

        int port = ServerUnderTest.freePort();
        int managementPort = ServerUnderTest.freePort();
        String url = "http://127.0.0.1:" + port;
        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k", "-Dmicronaut.server.port=" + port,
                "-Dendpoints.all.port=" + managementPort,
                System.getProperty("bench.server.option", "-Dbench=none"),
                "-Dwallet.public-url=" + url, "-Dwallet.trust-list=" + trustFile,
                "-Dwallet.database=" + folder.resolve("server").resolve("wallet-server.db"), "-jar", serverJar.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("server.log").toFile()).start();
        try {
            waitHealthy("http://127.0.0.1:" + managementPort, server);
            WalletContext context = new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline(), null);
            Wallet wallet = Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:"
                    + folder.resolve("wallet.db"))), "benchmark passphrase".toCharArray(), context).wallet();
            List<String> ids = new ArrayList<>();
            DutchCredentials.Shape[] shapes = DutchCredentials.Shape.values();
            for (int i = 0; i < 5; i++) {
                StoredCredential stored = wallet.importCredential(DutchCredentials.of(shapes[i], issuer)
                        .toHolder(wallet.holderDid()).signed().getBytes(StandardCharsets.UTF_8), trust).credential();
                ids.add(stored.id());
            }
            ServerClient client = new ServerClient(url, wallet.accountKey(), context.clock(), context.random());
            client.register();
            String page = new ShareLinks(wallet, client, context).create(new ShareLinks.Request(ids, Duration.ofDays(7), null,
                    null, "employer", false), trust).url();
            String trivial = url + "/assets/share.css";

            run(trivial, connections, 3);
            run(page, connections, 3);
            Result trivialResult = run(trivial, connections, seconds);
            Result pageResult = run(page, connections, seconds);
            Result trivialAgain = run(trivial, connections, seconds);
            Result pageAgain = run(page, connections, seconds);
            System.out.printf("%d connections, %d s per round, two rounds each, alternating%n", connections, seconds);
            print("trivial endpoint (GET /assets/share.css)", trivialResult, trivialAgain);
            print("share page of 5 credentials (GET /s/{token})", pageResult, pageAgain);
            double ratio = (pageResult.perSecond() + pageAgain.perSecond()) / (trivialResult.perSecond() + trivialAgain.perSecond());
            System.out.printf("throughput ratio page / trivial: %.2f%n", ratio);
            wallet.close();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    record Result(double perSecond, double p50, double p99, long errors) {
    }

    private static void print(String name, Result first, Result second) {
        System.out.printf("%-48s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  | %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  (errors %d)%n",
                name, first.perSecond(), first.p50(), first.p99(), second.perSecond(), second.p50(), second.p99(),
                first.errors() + second.errors());
    }

    private static Result run(String target, int connections, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).header("Accept", "text/html,text/css;q=0.9,*/*;q=0.8")
                .header("User-Agent", "Mozilla/5.0 Chrome/150.0 load").GET().build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            int index = c;
            Thread worker = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < samples.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            if (errors.incrementAndGet() == 1) {
                                System.err.println("first error: HTTP " + response.statusCode() + " from " + target);
                            }
                        }
                        samples[n++] = System.nanoTime() - t0;
                    }
                } catch (IOException | InterruptedException e) {
                    if (errors.incrementAndGet() == 1) {
                        System.err.println("first error: " + e);
                    }
                } finally {
                    latencies.set(index, Arrays.copyOf(samples, n));
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        int total = 0;
        for (long[] each : latencies) {
            total += each.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] each : latencies) {
            System.arraycopy(each, 0, all, at, each.length);
            at += each.length;
        }
        Arrays.sort(all);
        return new Result(total / (double) seconds, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6, errors.get());
    }

    private static void waitHealthy(String url, Process server) throws InterruptedException {
        while (server.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL(url + "/health").openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server stopped while starting");
    }
}
