package nl.learnerwallet.client.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The record store on SQLite through JDBC (the JVM clients; the driver is the caller's). One
 * file, WAL, {@code synchronous=FULL} so that an acknowledged write survives a power cut.
 */
public final class SqliteJdbcRecordStore implements RecordStore {

    private final Connection connection;
    private int transactionDepth;

    /**
     * @param connection an open connection to the SQLite file; this store owns and closes it
     * @throws StoreException when the schema cannot be created
     */
    public SqliteJdbcRecordStore(Connection connection) {
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS records ("
                    + "type TEXT NOT NULL, id TEXT NOT NULL, created_at INTEGER NOT NULL, "
                    + "updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL, payload BLOB, "
                    + "PRIMARY KEY (type, id))");
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be opened", e);
        }
    }

    @Override
    public synchronized byte[] meta(String name) {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized void putMeta(String name, byte[] value) {
        write("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                statement -> {
                    statement.setString(1, name);
                    statement.setBytes(2, value);
                });
    }

    @Override
    public synchronized StoredRecord get(String type, String id) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT type, id, created_at, updated_at, deleted, payload FROM records WHERE type = ? AND id = ?")) {
            select.setString(1, type);
            select.setString(2, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? row(rows) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized List<StoredRecord> list(String type) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT type, id, created_at, updated_at, deleted, payload FROM records WHERE type = ? "
                        + "ORDER BY created_at, id")) {
            select.setString(1, type);
            List<StoredRecord> out = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    out.add(row(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized void put(StoredRecord record) {
        write("INSERT INTO records (type, id, created_at, updated_at, deleted, payload) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT(type, id) DO UPDATE SET updated_at = excluded.updated_at, "
                + "deleted = excluded.deleted, payload = excluded.payload", statement -> {
                    statement.setString(1, record.type());
                    statement.setString(2, record.id());
                    statement.setLong(3, record.createdAt());
                    statement.setLong(4, record.updatedAt());
                    statement.setInt(5, record.deleted() ? 1 : 0);
                    statement.setBytes(6, record.payload());
                });
    }

    @Override
    public synchronized void inTransaction(Runnable work) {
        try {
            if (transactionDepth == 0) {
                connection.setAutoCommit(false);
            }
            transactionDepth++;
            boolean done = false;
            try {
                work.run();
                done = true;
            } finally {
                transactionDepth--;
                if (transactionDepth == 0) {
                    if (done) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be written", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be closed", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void write(String sql, Binder binder) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be written", e);
        }
    }

    private static StoredRecord row(ResultSet rows) throws SQLException {
        return new StoredRecord(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                rows.getInt(5) != 0, rows.getBytes(6));
    }
}
