package nl.learnerwallet.server.db;

import jakarta.inject.Singleton;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One writer at a time on this instance, in arrival order. SQLite allows one writer; a
 * transaction that reads and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when another
 * committed in between, and SQLite's own busy handler waits with growing sleeps, which under many
 * simultaneous requests made the slowest take half a second. Queueing write transactions here
 * avoids both. Across instances (PostgreSQL) the database still decides; this only orders the
 * writes one instance sends.
 */
@Singleton
public class WriteGate {

    private final ReentrantLock writer = new ReentrantLock(true);

    /** Runs a write transaction (call a {@code @Transactional} bean method inside) as the only writer here. */
    public <T> T write(Supplier<T> transaction) {
        writer.lock();
        try {
            return transaction.get();
        } finally {
            writer.unlock();
        }
    }
}
