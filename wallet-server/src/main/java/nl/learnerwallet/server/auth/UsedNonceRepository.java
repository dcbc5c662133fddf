package nl.learnerwallet.server.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface UsedNonceRepository extends CrudRepository<UsedNonce, String> {

    @Query("DELETE FROM used_nonces WHERE expires_at < :now")
    long deleteExpired(long now);
}
