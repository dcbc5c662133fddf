package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.learnerwallet.client.keys.AccountKey;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;
import nl.learnerwallet.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server, killed with SIGKILL at random moments while several clients upload backups and
 * create shares at once, then started again on the same database: every write the server
 * acknowledged is there and byte-identical (a backup's ciphertext; a share's presentation, opened
 * with its token), nothing unacknowledged is half there (a version is whole or absent; a share is
 * pending or opens to exactly what was sent), {@code PRAGMA integrity_check} says ok, and the
 * server's log never holds a share token.
 *
 * <p>{@value #DEFAULT_CYCLES} cycles in the normal build; {@code -Dcrash.cycles=1000} for the long
 * run (SECURITY.md has the command and the figures).
 */
class CrashSafetyIT {

    private static final int DEFAULT_CYCLES = 50;
    private static final int CLIENTS = 3;
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @TempDir
    Path serverFolder;

    private final SecureRandom random = new SecureRandom();
    private final TestIssuer issuer = TestIssuer.es256();

    /** One learner: an account, its holder, and what the server acknowledged to it. */
    private final class Client {
        final AccountKey key = AccountKey.fromRecoveryCode(RecoveryCode.generate(random));
        final TestIssuer holder = TestIssuer.es256();
        final String credential = DutchCredentials.of(DutchCredentials.Shape.REGULAR_BADGE, issuer).toHolder(holder.did()).signed();
        /** version → SHA-256 of the ciphertext the server acknowledged. */
        final Map<Long, String> backups = new ConcurrentHashMap<>();
        /** Backups sent and not (yet) answered: version they replace + 1 → SHA-256. */
        final Map<Long, String> backupsInFlight = new ConcurrentHashMap<>();
        /** share id → [token, presentation], acknowledged. */
        final Map<String, String[]> shares = new ConcurrentHashMap<>();
        /** share id → [token, presentation], sent and not (yet) answered. */
        final Map<String, String[]> sharesInFlight = new ConcurrentHashMap<>();
        volatile long version;

        ServerClient on(ServerProcess server) {
            return new ServerClient(server.url(), key, Clock.systemUTC(), random);
        }

        String accountId() {
            return key.publicKey();
        }
    }

    @Test
    void acknowledgedWritesSurviveSigkillsUnderConcurrentLoad() throws Exception {
        int cycles = Integer.getInteger("crash.cycles", DEFAULT_CYCLES);
        ServerProcess server = new ServerProcess(serverFolder).withFastRestarts(serverFolder.resolve("classes.jsa")).start();
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = new Client();
            client.on(server).register();
            // A first backup and share, so that the class archive holds what the cycles use.
            uploadOnce(client, client.on(server));
            shareOnce(client, client.on(server));
            clients.add(client);
        }
        server.close(); // a gentle stop, once: it writes the class archive every restart below maps in
        server = server.restartOnSamePort().start();
        AtomicInteger acknowledged = new AtomicInteger();
        long started = System.nanoTime();
        for (int cycle = 0; cycle < cycles; cycle++) {
            int before = acknowledged.get();
            List<Thread> writers = new ArrayList<>();
            for (Client client : clients) {
                ServerClient http = client.on(server);
                writers.add(new Thread(() -> uploadUntilKilled(client, http, acknowledged), "backups"));
                writers.add(new Thread(() -> shareUntilKilled(client, http, acknowledged), "shares"));
            }
            writers.forEach(Thread::start);
            // Writes in flight, at least one of them answered, then a kill at a random moment.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (acknowledged.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(300));
            server.kill();
            for (Thread writer : writers) {
                writer.join(60_000);
            }

            assertThat(integrityCheck(server.database())).as("cycle %d", cycle).isEqualTo("ok");
            server = server.restartOnSamePort().start();
            for (Client client : clients) {
                checkBackups(client, server);
                checkShares(client, server);
            }
            if ((cycle + 1) % 50 == 0) {
                System.out.printf("crash safety: %d of %d cycles, %d acknowledged writes, none lost so far, %d s%n", cycle + 1,
                        cycles, acknowledged.get(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        server.close();
        assertThat(acknowledged.get()).isGreaterThan(cycles);
        assertThat(Files.readString(serverFolder.resolve("server.log"))).as("the server's log")
                .satisfies(log -> clients.forEach(client -> client.shares.values()
                        .forEach(share -> assertThat(log).doesNotContain(share[0]))));
        System.out.printf("crash safety: %d cycles, %d acknowledged writes from %d clients, none lost, in %d s%n", cycles,
                acknowledged.get(), CLIENTS, (System.nanoTime() - started) / 1_000_000_000L);
    }

    private void uploadUntilKilled(Client client, ServerClient http, AtomicInteger acknowledged) {
        try {
            while (true) {
                uploadOnce(client, http);
                acknowledged.incrementAndGet();
            }
        } catch (ServerException killed) {
            // The server died under us.
        }
    }

    private void uploadOnce(Client client, ServerClient http) {
        byte[] body = new byte[1_000 + random.nextInt(300_000)];
        random.nextBytes(body);
        long replaces = client.version;
        client.backupsInFlight.put(replaces + 1, sha256(body));
        long stored = http.upload(replaces, body);
        client.backups.put(stored, sha256(body));
        client.backupsInFlight.remove(replaces + 1);
        client.version = stored;
    }

    private void shareUntilKilled(Client client, ServerClient http, AtomicInteger acknowledged) {
        try {
            while (true) {
                shareOnce(client, http);
                acknowledged.incrementAndGet();
            }
        } catch (ServerException killed) {
            // The server died under us.
        }
    }

    private void shareOnce(Client client, ServerClient http) {
        String token = ShareToken.generate(random);
        ServerClient.CreatedShare created = http.createShare(ShareToken.hash(token), "employer",
                Instant.now().plusSeconds(86_400).getEpochSecond(), null);
        String presentation = presentation(client, created);
        client.sharesInFlight.put(created.id(), new String[] {token, presentation});
        http.uploadShare(created.id(), token, presentation);
        client.shares.put(created.id(), new String[] {token, presentation});
        client.sharesInFlight.remove(created.id());
    }

    private String presentation(Client client, ServerClient.CreatedShare share) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("iss", client.holder.did()).put("holder", client.holder.did()).put("aud", share.audience())
                .put("nonce", share.nonce()).put("iat", Instant.now().getEpochSecond());
        payload.putArray("verifiableCredential").addObject().put("type", "EnvelopedVerifiableCredential")
                .put("id", "data:application/vc+jwt," + client.credential);
        return client.holder.sign(client.holder.header().type(new JOSEObjectType("vp+jwt")).build(), payload);
    }

    /**
     * The newest version is the last acknowledged one, or the one in flight when the kill came
     * (committed, answer lost) and then exactly what was sent; every kept version is whole.
     */
    private void checkBackups(Client client, ServerProcess server) throws Exception {
        assertThat(everyStoredVersionIsWhole(server.database())).isTrue();
        ServerClient.RemoteBackup latest = client.on(server).latest();
        long last = client.version;
        if (latest == null) {
            assertThat(last).isZero();
            return;
        }
        assertThat(latest.version()).isBetween(last, last + 1);
        String hash = sha256(latest.envelope());
        if (latest.version() == last) {
            assertThat(hash).isEqualTo(client.backups.get(last));
        } else {
            assertThat(hash).as("a version committed as the server died").isEqualTo(client.backupsInFlight.get(last + 1));
            client.backups.put(latest.version(), hash);
            client.version = latest.version();
        }
        client.backupsInFlight.clear();
        for (Map.Entry<Long, String> each : client.backups.entrySet()) {
            if (each.getKey() > client.version - 10) {
                assertThat(storedHash(server.database(), client.accountId(), each.getKey())).isEqualTo(each.getValue());
            }
        }
    }

    /**
     * Every acknowledged share is active and opens with its token to exactly the presentation sent;
     * one in flight is pending or the same; no active share opens to anything else.
     */
    private void checkShares(Client client, ServerProcess server) throws Exception {
        Map<String, byte[]> active = activeShares(server.database(), client.accountId());
        for (Map.Entry<String, String[]> each : client.shares.entrySet()) {
            assertThat(active).as("acknowledged share").containsKey(each.getKey());
            assertThat(new String(ShareToken.open(each.getValue()[0], each.getKey(), active.get(each.getKey())),
                    StandardCharsets.UTF_8)).isEqualTo(each.getValue()[1]);
        }
        for (Map.Entry<String, byte[]> row : active.entrySet()) {
            String[] sent = client.shares.containsKey(row.getKey()) ? client.shares.get(row.getKey())
                    : client.sharesInFlight.get(row.getKey());
            assertThat(sent).as("an active share this client sent").isNotNull();
            assertThat(new String(ShareToken.open(sent[0], row.getKey(), row.getValue()), StandardCharsets.UTF_8))
                    .isEqualTo(sent[1]);
            client.shares.put(row.getKey(), sent);
        }
        client.sharesInFlight.clear();
        // And through the page itself: one active share's raw presentation, as a verifier fetches it.
        // This also puts tokens in request paths, where the server's log must not repeat them.
        String newest = null; // any one; ids are random
        for (String id : active.keySet()) {
            newest = newest == null || id.compareTo(newest) > 0 ? id : newest;
        }
        if (newest != null) {
            String[] sent = client.shares.get(newest);
            java.net.http.HttpResponse<String> raw = HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url() + "/s/" + sent[0] + "/presentation")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.body()).isEqualTo(sent[1]);
        }
    }

    private static String integrityCheck(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static boolean everyStoredVersionIsWhole(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ciphertext, sha256, size_bytes FROM backup_versions")) {
            while (rows.next()) {
                byte[] ciphertext = rows.getBytes(1);
                if (ciphertext.length != rows.getLong(3) || !sha256(ciphertext).equals(rows.getString(2))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String storedHash(Path database, String account, long version) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "SELECT ciphertext FROM backup_versions WHERE account_key = ? AND version = ?")) {
            statement.setString(1, account);
            statement.setLong(2, version);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? sha256(rows.getBytes(1)) : null;
            }
        }
    }

    private static Map<String, byte[]> activeShares(Path database, String account) throws Exception {
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                java.sql.PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, payload FROM shares WHERE account_key = ? AND active = 1")) {
            statement.setString(1, account);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.put(rows.getString(1), rows.getBytes(2));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        return SignedRequest.sha256Hex(bytes);
    }
}
