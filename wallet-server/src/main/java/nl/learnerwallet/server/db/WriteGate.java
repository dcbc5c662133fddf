package nl.learnerwallet.server.db;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer at a time on this instance, in arrival order — on SQLite only. SQLite allows one
 * writer; a transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when
 * another committed in between, and SQLite's own busy handler waits with growing sleeps, which
 * under many simultaneous requests made the slowest take half a second. Queueing write
 * transactions here avoids both. On PostgreSQL the gate stands open: there correctness comes from
 * the database alone (transactions, unique constraints, conditional updates), which is what
 * several instances need anyway.
 */
@Singleton
public class WriteGate {

    private final ReentrantLock writer;

    public WriteGate(@Value("${datasources.default.url}") String databaseUrl) {
        this.writer = DatabaseKind.ofUrl(databaseUrl) == DatabaseKind.SQLITE ? new ReentrantLock(true) : null;
    }

    /** Runs a write transaction (call a {@code @Transactional} bean method inside) as the only writer here. */
    public <T> T write(Supplier<T> transaction) {
        if (writer == null) {
            return transaction.get();
        }
        writer.lock();
        try {
            return transaction.get();
        } finally {
            writer.unlock();
        }
    }
}
