package nl.learnerwallet.android;

import android.content.ContentValues;
import android.database.Cursor;
import android.database.SQLException;
import android.database.sqlite.SQLiteDatabase;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.StoreException;
import nl.learnerwallet.client.store.StoredRecord;

/**
 * The wallet's record store on the platform's SQLite, the same schema as the JVM clients'
 * {@code SqliteJdbcRecordStore}: WAL, {@code synchronous=FULL}, only ids and timestamps in clear.
 * Android 8.0 ships SQLite 3.18, which has no upsert ({@code ON CONFLICT DO UPDATE}, 3.24), so a
 * write is an update and, when no row was there, an insert, inside one transaction.
 */
final class AndroidSqliteRecordStore implements RecordStore {

    private final SQLiteDatabase database;

    /** @throws StoreException when the file cannot be opened or the schema not created */
    static AndroidSqliteRecordStore open(File file) {
        try {
            File folder = file.getParentFile();
            if (folder != null && !folder.isDirectory() && !folder.mkdirs()) {
                throw new StoreException("the wallet database's folder could not be made", null);
            }
            SQLiteDatabase database = SQLiteDatabase.openOrCreateDatabase(file, null);
            database.enableWriteAheadLogging();
            return new AndroidSqliteRecordStore(database);
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be opened", e);
        }
    }

    private AndroidSqliteRecordStore(SQLiteDatabase database) {
        this.database = database;
        // PRAGMA synchronous answers a row on some SQLite builds; rawQuery reads it where execSQL would refuse.
        try (Cursor ignored = database.rawQuery("PRAGMA synchronous=FULL", null)) {
            ignored.moveToFirst();
        }
        database.execSQL("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)");
        database.execSQL("CREATE TABLE IF NOT EXISTS records ("
                + "type TEXT NOT NULL, id TEXT NOT NULL, created_at INTEGER NOT NULL, "
                + "updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL, payload BLOB, "
                + "PRIMARY KEY (type, id))");
    }

    @Override
    public synchronized byte[] meta(String name) {
        try (Cursor rows = database.rawQuery("SELECT value FROM meta WHERE name = ?", new String[] {name})) {
            return rows.moveToFirst() ? rows.getBlob(0) : null;
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized void putMeta(String name, byte[] value) {
        ContentValues values = new ContentValues();
        values.put("value", value);
        inTransaction(() -> {
            if (database.update("meta", values, "name = ?", new String[] {name}) == 0) {
                values.put("name", name);
                database.insertOrThrow("meta", null, values);
            }
        });
    }

    @Override
    public synchronized StoredRecord get(String type, String id) {
        try (Cursor rows = database.rawQuery("SELECT type, id, created_at, updated_at, deleted, payload FROM records "
                + "WHERE type = ? AND id = ?", new String[] {type, id})) {
            return rows.moveToFirst() ? row(rows) : null;
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized List<StoredRecord> list(String type) {
        try (Cursor rows = database.rawQuery("SELECT type, id, created_at, updated_at, deleted, payload FROM records "
                + "WHERE type = ? ORDER BY created_at, id", new String[] {type})) {
            List<StoredRecord> out = new ArrayList<>();
            while (rows.moveToNext()) {
                out.add(row(rows));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be read", e);
        }
    }

    @Override
    public synchronized void put(StoredRecord record) {
        ContentValues values = new ContentValues();
        values.put("updated_at", record.updatedAt());
        values.put("deleted", record.deleted() ? 1 : 0);
        if (record.payload() == null) {
            values.putNull("payload");
        } else {
            values.put("payload", record.payload());
        }
        inTransaction(() -> {
            // An existing row keeps its created_at, as the JDBC store's upsert does.
            if (database.update("records", values, "type = ? AND id = ?", new String[] {record.type(), record.id()}) == 0) {
                values.put("type", record.type());
                values.put("id", record.id());
                values.put("created_at", record.createdAt());
                database.insertOrThrow("records", null, values);
            }
        });
    }

    /** Android's transactions nest: an inner failure rolls the outermost one back, as the interface asks. */
    @Override
    public synchronized void inTransaction(Runnable work) {
        try {
            database.beginTransaction();
            try {
                work.run();
                database.setTransactionSuccessful();
            } finally {
                database.endTransaction();
            }
        } catch (SQLException e) {
            throw new StoreException("the wallet database could not be written", e);
        }
    }

    @Override
    public synchronized void close() {
        database.close();
    }

    private static StoredRecord row(Cursor rows) {
        return new StoredRecord(rows.getString(0), rows.getString(1), rows.getLong(2), rows.getLong(3),
                rows.getInt(4) != 0, rows.isNull(5) ? null : rows.getBlob(5));
    }
}
