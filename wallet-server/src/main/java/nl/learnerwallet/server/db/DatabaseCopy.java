package nl.learnerwallet.server.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Copies a server's data from its SQLite file into the database this server is configured for
 * (PostgreSQL, to grow beyond one instance): every table, row for row, in one transaction on the
 * target, read from one snapshot of the file. The file's schema is brought up to date first, as
 * the server would on start; the target's was by Flyway when the pool opened. The target must be
 * empty. Nothing is decrypted or re-encrypted: tokens stay hashes and payloads stay sealed.
 */
@Singleton
public class DatabaseCopy {

    /** Every table of the schema, parents before children (foreign keys). */
    static final List<String> TABLES = List.of("accounts", "backup_versions", "used_nonces", "rate_windows", "shares",
            "share_views", "share_decisions", "admin_actions");
    private static final int BATCH_ROWS = 200;
    private static final long BATCH_BYTES = 16L * 1024 * 1024;

    private final TransactionOperations<Connection> transactions;

    public DatabaseCopy(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @return the rows copied per table, in copying order
     * @throws CopyRefusedException when the file is missing or not a server database, or the target already holds data
     */
    public Map<String, Long> copyFrom(Path sqliteFile) {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new CopyRefusedException("there is no SQLite database at " + sqliteFile);
        }
        String url = "jdbc:sqlite:" + sqliteFile.toAbsolutePath() + "?busy_timeout=10000";
        try {
            Flyway.configure().dataSource(url, null, null).locations(DatabaseKind.SQLITE.migrationLocations()).load().migrate();
        } catch (RuntimeException e) {
            throw new CopyRefusedException(sqliteFile + " is not a wallet server database that can be brought up to date: "
                    + e.getMessage());
        }
        try (Connection source = DriverManager.getConnection(url)) {
            source.setAutoCommit(false); // one read transaction: one consistent snapshot of the file
            try {
                return transactions.executeWrite(status -> copy(source, status.getConnection()));
            } finally {
                source.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the copy failed and nothing was kept: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> copy(Connection source, Connection target) throws SQLException {
        for (String table : TABLES) {
            if (count(target, table) > 0) {
                throw new CopyRefusedException("the target database already holds data (table " + table
                        + "); copy into an empty database");
            }
        }
        Map<String, Long> copied = new LinkedHashMap<>();
        for (String table : TABLES) {
            copied.put(table, copyTable(source, target, table));
        }
        for (String table : TABLES) {
            if (count(source, table) != copied.get(table) || count(target, table) != copied.get(table)) {
                throw new IllegalStateException("table " + table + " did not copy whole");
            }
        }
        return copied;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        try (Statement select = source.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
            }
            int[] types = targetTypes(target, table, names);
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
            long count = 0;
            try (PreparedStatement statement = target.prepareStatement(insert)) {
                int pending = 0;
                long pendingBytes = 0;
                while (rows.next()) {
                    for (int i = 1; i <= types.length; i++) {
                        pendingBytes += bind(rows, statement, i, types[i - 1]);
                    }
                    statement.addBatch();
                    count++;
                    if (++pending >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                        statement.executeBatch();
                        pending = 0;
                        pendingBytes = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
            return count;
        }
    }

    /** The column types of the target, which decide how SQLite's integers and blobs are bound. */
    private static int[] targetTypes(Connection target, String table, List<String> names) throws SQLException {
        try (Statement probe = target.createStatement();
                ResultSet empty = probe.executeQuery("SELECT " + String.join(", ", names) + " FROM " + table + " WHERE 1 = 0")) {
            int[] types = new int[names.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = empty.getMetaData().getColumnType(i + 1);
            }
            return types;
        }
    }

    /** Binds one value as the target's column wants it; returns roughly how many bytes it holds. */
    private static long bind(ResultSet rows, PreparedStatement statement, int index, int type) throws SQLException {
        switch (type) {
            case Types.BOOLEAN:
            case Types.BIT:
                long flag = rows.getLong(index);
                if (rows.wasNull()) {
                    statement.setNull(index, type);
                } else {
                    statement.setBoolean(index, flag != 0);
                }
                return 1;
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                long number = rows.getLong(index);
                if (rows.wasNull()) {
                    statement.setNull(index, type);
                } else if (type == Types.BIGINT) {
                    statement.setLong(index, number);
                } else {
                    statement.setInt(index, Math.toIntExact(number));
                }
                return 8;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                byte[] bytes = rows.getBytes(index);
                if (bytes == null) {
                    statement.setNull(index, type);
                    return 0;
                }
                statement.setBytes(index, bytes);
                return bytes.length;
            default:
                String text = rows.getString(index);
                if (text == null) {
                    statement.setNull(index, type);
                    return 0;
                }
                statement.setString(index, text);
                return text.length();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The copy was not started: the message says why, in one sentence. */
    public static final class CopyRefusedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CopyRefusedException(String message) {
            super(message);
        }
    }
}
