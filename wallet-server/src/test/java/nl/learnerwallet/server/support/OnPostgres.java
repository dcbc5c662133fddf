package nl.learnerwallet.server.support;

import java.util.Map;

/**
 * The same tests on PostgreSQL: a test class {@code XOnPostgresTest extends XTest implements
 * OnPostgres} runs every test of {@code XTest} against its own database in the JVM's private
 * PostgreSQL (skipped where PostgreSQL is missing, failing on CI).
 */
public interface OnPostgres extends TemporaryDatabase {

    @Override
    default Map<String, String> databaseProperties() {
        return TemporaryDatabase.postgres();
    }
}
