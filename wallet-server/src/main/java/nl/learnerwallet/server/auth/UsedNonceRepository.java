package nl.learnerwallet.server.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface UsedNonceRepository extends CrudRepository<UsedNonce, String> {

    void deleteByExpiresAtLessThan(long now);
}
