package nl.learnerwallet.server.support;

import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real SQLite file in a fresh temporary folder for each test class, and a random port. */
public interface TemporaryDatabase extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        try {
            Path folder = Files.createTempDirectory("wallet-server-test");
            Map<String, String> properties = new HashMap<>();
            properties.put("wallet.database", folder.resolve("wallet-server.db").toString());
            properties.put("micronaut.server.port", "-1");
            properties.putAll(extraProperties());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties a test class adds (smaller limits, say). */
    default Map<String, String> extraProperties() {
        return new HashMap<>();
    }
}
