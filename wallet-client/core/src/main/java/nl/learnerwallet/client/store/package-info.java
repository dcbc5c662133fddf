/**
 * The local store behind a small interface: rows of opaque ids, timestamps and encrypted
 * payloads, plus clear metadata (KDF parameters, wrapped keys). {@link
 * nl.learnerwallet.client.store.SqliteJdbcRecordStore} serves the JVM clients; Android supplies
 * its platform SQLite behind the same {@link nl.learnerwallet.client.store.RecordStore}.
 */
package nl.learnerwallet.client.store;
