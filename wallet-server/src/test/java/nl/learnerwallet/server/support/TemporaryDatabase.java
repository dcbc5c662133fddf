package nl.learnerwallet.server.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import nl.learnerwallet.testsupport.PostgresExtension;
import nl.learnerwallet.testsupport.PostgresServer;

/**
 * A fresh database for each test class — a real SQLite file in a temporary folder, or with
 * {@link OnPostgres} a new database in the JVM's private PostgreSQL — and free ports, public and management.
 */
public interface TemporaryDatabase extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.put("micronaut.server.port", "-1");
        properties.putAll(managementPort());
        properties.putAll(extraProperties());
        return properties;
    }

    /** Where the server keeps its data: SQLite unless the test class is {@link OnPostgres}. */
    default Map<String, String> databaseProperties() {
        return sqlite();
    }

    /** Properties a test class adds (smaller limits, say). */
    default Map<String, String> extraProperties() {
        return new HashMap<>();
    }

    /** A free port for health and metrics (Micronaut binds the management port as given, not at random). */
    static Map<String, String> managementPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("endpoints.all.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new SQLite file. */
    static Map<String, String> sqlite() {
        try {
            return Map.of("wallet.database", Files.createTempDirectory("wallet-server-test").resolve("wallet-server.db").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database in the JVM's PostgreSQL, through the standard datasource keys as an operator sets them. */
    static Map<String, String> postgres() {
        return Map.of("datasources.default.url", PostgresExtension.server().createDatabase(),
                "datasources.default.username", PostgresServer.USER,
                "datasources.default.password", "");
    }
}
