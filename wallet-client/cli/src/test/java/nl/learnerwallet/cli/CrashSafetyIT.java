package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.learnerwallet.client.keys.AccountKey;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL while uploads are in flight: after a restart every acknowledged
 * version is whole and byte-identical, and no partial version is visible.
 */
class CrashSafetyIT {

    private static final int CYCLES = 4;

    @TempDir
    Path serverFolder;

    private final SecureRandom random = new SecureRandom();

    @Test
    void acknowledgedBackupsSurviveAKillInTheMiddleOfAnUpload() throws Exception {
        ServerProcess server = new ServerProcess(serverFolder).start();
        AccountKey key = AccountKey.fromRecoveryCode(RecoveryCode.generate(random));
        new ServerClient(server.url(), key, Clock.systemUTC(), random).register();
        Map<Long, String> acknowledged = new HashMap<>();
        long version = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            ServerClient client = new ServerClient(server.url(), key, Clock.systemUTC(), random);
            AtomicReference<String> inFlight = new AtomicReference<>();
            long[] current = {version};
            Thread uploader = new Thread(() -> {
                try {
                    while (true) {
                        byte[] body = new byte[100_000 + random.nextInt(2_000_000)];
                        random.nextBytes(body);
                        inFlight.set(SignedRequest.sha256Hex(body));
                        long stored = client.upload(current[0], body);
                        synchronized (acknowledged) {
                            acknowledged.put(stored, SignedRequest.sha256Hex(body));
                        }
                        current[0] = stored;
                    }
                } catch (ServerException expected) {
                    // The server died under us.
                }
            });
            int before;
            synchronized (acknowledged) {
                before = acknowledged.size();
            }
            uploader.start();
            // At least one acknowledged upload per cycle, however slow the machine; then kill at a random moment.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (acknowledged) {
                    if (acknowledged.size() > before) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            Thread.sleep(random.nextInt(500));
            server.kill();
            uploader.join(60_000);

            assertThat(integrityCheck(server.database())).isEqualTo("ok");
            assertThat(everyStoredVersionIsWhole(server.database())).isTrue();
            server = new ServerProcess(serverFolder).start();
            ServerClient.RemoteBackup latest = new ServerClient(server.url(), key, Clock.systemUTC(), random).latest();
            synchronized (acknowledged) {
                long lastAcknowledged = current[0];
                assertThat(latest).isNotNull();
                assertThat(latest.version()).isBetween(lastAcknowledged, lastAcknowledged + 1);
                String hash = SignedRequest.sha256Hex(latest.envelope());
                if (latest.version() == lastAcknowledged) {
                    assertThat(hash).isEqualTo(acknowledged.get(lastAcknowledged));
                } else {
                    // Committed just before the kill, answer lost: visible only whole.
                    assertThat(hash).isEqualTo(inFlight.get());
                    acknowledged.put(latest.version(), hash);
                }
                version = latest.version();
                for (Map.Entry<Long, String> each : acknowledged.entrySet()) {
                    if (each.getKey() > version - 10) {
                        assertThat(storedHash(server.database(), each.getKey())).isEqualTo(each.getValue());
                    }
                }
            }
        }
        server.close();
        assertThat(acknowledged).hasSizeGreaterThan(CYCLES);
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
                if (ciphertext.length != rows.getLong(3) || !hex(ciphertext).equals(rows.getString(2))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String storedHash(Path database, long version) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ciphertext FROM backup_versions WHERE version = " + version)) {
            return rows.next() ? hex(rows.getBytes(1)) : null;
        }
    }

    private static String hex(byte[] bytes) throws Exception {
        StringBuilder out = new StringBuilder();
        for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
