package nl.learnerwallet.server.ratelimit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface RateWindowRepository extends CrudRepository<RateWindow, String> {

    /** Counts one hit, creating the window's row on the first: one statement, so racing instances both count. */
    @Query("INSERT INTO rate_windows (id, hits, expires_at) VALUES (:id, 1, :expiresAt) "
            + "ON CONFLICT (id) DO UPDATE SET hits = rate_windows.hits + 1")
    void hit(String id, long expiresAt);

    @Query("DELETE FROM rate_windows WHERE expires_at < :now")
    long deleteExpired(long now);
}
