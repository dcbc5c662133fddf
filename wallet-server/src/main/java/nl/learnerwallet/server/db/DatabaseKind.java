package nl.learnerwallet.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The databases the server runs on, told apart by their JDBC URL: SQLite (one file, one
 * instance) and PostgreSQL (any number of instances). Each has its own folder of Flyway
 * migrations for the tables whose SQL differs; {@code db/migration/common} serves both.
 */
public enum DatabaseKind {
    SQLITE("jdbc:sqlite:", "sqlite"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String folder;

    DatabaseKind(String urlPrefix, String folder) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
    }

    /** @throws UnsupportedDatabaseException for any other database */
    public static DatabaseKind ofUrl(String jdbcUrl) {
        for (DatabaseKind kind : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new UnsupportedDatabaseException(jdbcUrl);
    }

    /** The kind of database a pool connects to, asked of one of its connections. */
    public static DatabaseKind of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofUrl(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Where Flyway finds this database's migrations: the common ones and its own. */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + folder};
    }

    /** Thrown when the configured JDBC URL names a database the server has no migrations for. */
    public static final class UnsupportedDatabaseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnsupportedDatabaseException(String jdbcUrl) {
            super("the server runs on SQLite (jdbc:sqlite:FILE) or PostgreSQL (jdbc:postgresql://HOST/DATABASE), not "
                    + (jdbcUrl == null ? "an unset URL" : jdbcUrl.replaceAll("\\?.*", "")));
        }
    }
}
