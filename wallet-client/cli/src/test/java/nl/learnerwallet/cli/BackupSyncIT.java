package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.ServerProcess;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, restore and sync between two devices of one learner, over real HTTP against the real
 * server with its own SQLite file. Each device is a wallet home driven through the command.
 */
class BackupSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path deviceA;

    @TempDir
    Path deviceB;

    @TempDir
    Path serverFolder;

    @TempDir
    Path files;

    private final TestIssuer issuer = TestIssuer.es256();
    private ServerProcess server;
    private CliRun laptop;
    private CliRun phone;
    private String holder;
    private String recoveryCode;

    @BeforeEach
    void startServerAndFirstDevice() throws Exception {
        server = new ServerProcess(serverFolder).start();
        laptop = new CliRun(deviceA);
        JsonNode init = JSON.readTree(laptop.run("init", "--json").out());
        holder = init.path("holder").asText();
        recoveryCode = init.path("recoveryCode").asText();
        laptop.run("trust", "add", issuer.did(), "--name", "Hogeschool Utrecht");
        laptop.run("identity", "add", "learner@student.example.nl");
        assertThat(laptop.run("account", "register", "--server", server.url()).exit()).isZero();
        phone = new CliRun(deviceB);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    private String importOn(CliRun device, Shape shape) throws IOException {
        Path file = Files.writeString(files.resolve(shape + "-" + System.nanoTime() + ".jwt"),
                DutchCredentials.of(shape, issuer).toHolder(holder).signed());
        CliRun.Result result = device.run("import", file.toString(), "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out()).path("id").asText();
    }

    private List<String> titles(CliRun device) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(device.run("list", "--json").out())) {
            out.add(entry.path("title").asText());
        }
        return out;
    }

    private JsonNode exported(CliRun device, String name) throws IOException {
        Path file = files.resolve(name);
        assertThat(device.run("export", file.toString()).exit()).isZero();
        return JSON.readTree(file.toFile());
    }

    @Test
    void restoresTheIdenticalWalletOnANewDeviceWithTheRecoveryCode() throws Exception {
        importOn(laptop, Shape.HBO_MICROCREDENTIAL);
        importOn(laptop, Shape.DIPLOMA);
        CliRun.Result backup = laptop.run("backup", "--json");
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(JSON.readTree(backup.out()).path("version").asLong()).isEqualTo(1);

        CliRun.Result restored = phone.withEnvironment("WALLET_PASSPHRASE", "the phone's own passphrase")
                .run("restore", "--server", server.url(), "--recovery-code", recoveryCode, "--json");
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(JSON.readTree(restored.out()).path("holder").asText()).isEqualTo(holder);

        JsonNode before = exported(laptop, "laptop.json").path("credentials");
        JsonNode after = exported(phone, "phone.json").path("credentials");
        assertThat(after).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(after.get(i).path("original").asText()).isEqualTo(before.get(i).path("original").asText());
            assertThat(after.get(i).path("id").asText()).isEqualTo(before.get(i).path("id").asText());
        }
        assertThat(JSON.readTree(phone.run("trust", "list", "--json").out()).get(0).path("id").asText()).isEqualTo(issuer.did());
        assertThat(JSON.readTree(phone.run("identity", "list", "--json").out()).get(0).path("value").asText())
                .isEqualTo("learner@student.example.nl");
        assertThat(JSON.readTree(phone.run("list", "--json").out()).get(0).path("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void twoDevicesChangingIndependentlyLoseNothing() throws Exception {
        String shared = importOn(laptop, Shape.REGULAR_BADGE);
        importOn(laptop, Shape.WO_MICROCREDENTIAL);
        laptop.run("backup");
        phone.run("restore", "--server", server.url(), "--recovery-code", recoveryCode);

        importOn(laptop, Shape.MBO_MICROCREDENTIAL);
        assertThat(phone.run("delete", shared).exit()).isZero();
        importOn(phone, Shape.EXTRACURRICULAR_BADGE);

        assertThat(laptop.run("backup").exit()).isZero();
        CliRun.Result phoneBackup = phone.run("backup", "--json");
        assertThat(phoneBackup.exit()).as(phoneBackup.err()).isZero();
        JsonNode merged = JSON.readTree(phoneBackup.out());
        assertThat(merged.path("fromServer").asInt()).isEqualTo(1);
        assertThat(merged.path("version").asLong()).isEqualTo(3);

        CliRun.Result sync = laptop.run("sync", "--json");
        assertThat(sync.exit()).as(sync.err()).isZero();
        assertThat(titles(laptop)).containsExactlyInAnyOrderElementsOf(titles(phone));
        assertThat(titles(laptop)).containsExactlyInAnyOrder("Responsible AI in Practice",
                "Basisvaardigheden zorgtechnologie", "Studentassessor opleidingscommissie");
        assertThat(phone.run("sync", "--json").exit()).isZero();
        assertThat(laptop.run("show", shared).exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aRotatedHolderKeyReachesTheOtherDevice() throws Exception {
        laptop.run("backup");
        phone.run("restore", "--server", server.url(), "--recovery-code", recoveryCode);
        String fresh = JSON.readTree(laptop.run("holder-key", "rotate", "--json").out()).path("holder").asText();
        assertThat(fresh).isNotEqualTo(holder);
        laptop.run("backup");
        phone.run("sync");
        assertThat(phone.run("identity", "list").out()).contains(fresh);
    }

    @Test
    void theServerDatabaseHoldsNoTitlesEmailsOrKeys() throws Exception {
        importOn(laptop, Shape.HBO_MICROCREDENTIAL);
        laptop.run("backup");
        server.close();
        StringBuilder everything = new StringBuilder();
        try (Stream<Path> stored = Files.list(serverFolder)) {
            for (Path file : (Iterable<Path>) stored::iterator) {
                if (file.getFileName().toString().startsWith("wallet-server.db")) {
                    everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(everything.length()).isGreaterThan(1000);
        assertThat(everything.toString()).doesNotContain("Data-analyse").doesNotContain("Hogeschool")
                .doesNotContain("learner@student.example.nl").doesNotContain("eyJ").doesNotContain("\"d\"")
                .doesNotContain(recoveryCode);
    }

    @Test
    void aWrongRecoveryCodeIsSaidPlainly() throws Exception {
        laptop.run("backup");
        CliRun.Result mistyped = phone.run("restore", "--server", server.url(), "--recovery-code", "AAAA-BBBB");
        assertThat(mistyped.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(mistyped.err().trim()).isEqualTo("Wrong recovery code.");
        String other = nl.learnerwallet.client.keys.RecoveryCode.generate(new java.security.SecureRandom()).display();
        CliRun.Result wrong = phone.run("restore", "--server", server.url(), "--recovery-code", other);
        assertThat(wrong.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(wrong.err()).startsWith("Wrong recovery code").doesNotContain("Exception");
        assertThat(phone.run("list").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(phone.run("restore", "--server", server.url(), "--recovery-code", recoveryCode).exit()).isZero();
    }

    @Test
    void refusesAServerThatAnswersWithAnOlderVersion() throws Exception {
        importOn(laptop, Shape.REGULAR_BADGE);
        laptop.run("backup");
        importOn(laptop, Shape.DIPLOMA);
        laptop.run("backup");
        server.close();
        sql("DELETE FROM backup_versions WHERE version = 2");
        server = new ServerProcess(serverFolder).start();
        laptop.run("account", "register", "--server", server.url());
        CliRun.Result sync = laptop.run("sync", "--json");
        assertThat(sync.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(JSON.readTree(sync.out()).path("error").asText()).isEqualTo("ROLLBACK");
        assertThat(titles(laptop)).hasSize(2);
    }

    @Test
    void refusesACiphertextWithOneFlippedBit() throws Exception {
        importOn(laptop, Shape.REGULAR_BADGE);
        laptop.run("backup");
        phone.run("restore", "--server", server.url(), "--recovery-code", recoveryCode);
        server.close();
        byte[] blob = sqlBlob("SELECT ciphertext FROM backup_versions WHERE version = 1");
        blob[blob.length / 2] ^= 1;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + server.database());
                java.sql.PreparedStatement update = connection.prepareStatement(
                        "UPDATE backup_versions SET ciphertext = ? WHERE version = 1")) {
            update.setBytes(1, blob);
            update.executeUpdate();
        }
        server = new ServerProcess(serverFolder).start();
        phone.run("account", "register", "--server", server.url());
        CliRun.Result sync = phone.run("sync", "--json");
        assertThat(sync.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(JSON.readTree(sync.out()).path("error").asText()).isEqualTo("NOT_AUTHENTIC");
        assertThat(titles(phone)).hasSize(1);
    }

    @Test
    void deletingTheAccountRemovesItsBackupsFromTheServer() throws Exception {
        laptop.run("backup");
        CliRun.Result deleted = laptop.run("account", "delete");
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("gone");
        assertThat(sqlCount("SELECT COUNT(*) FROM backup_versions")).isZero();
        assertThat(sqlCount("SELECT COUNT(*) FROM accounts")).isZero();
        assertThat(phone.run("restore", "--server", server.url(), "--recovery-code", recoveryCode).exit())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + server.database());
                Statement run = connection.createStatement()) {
            run.executeUpdate(statement);
        }
    }

    private long sqlCount(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + server.database());
                Statement run = connection.createStatement(); ResultSet rows = run.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private byte[] sqlBlob(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + server.database());
                Statement run = connection.createStatement(); ResultSet rows = run.executeQuery(query)) {
            rows.next();
            return rows.getBytes(1);
        }
    }
}
