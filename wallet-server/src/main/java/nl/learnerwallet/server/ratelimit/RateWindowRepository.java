package nl.learnerwallet.server.ratelimit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface RateWindowRepository extends CrudRepository<RateWindow, String> {

    @Query("UPDATE rate_windows SET hits = hits + 1 WHERE id = :id")
    long increment(String id);

    void deleteByExpiresAtLessThan(long now);
}
