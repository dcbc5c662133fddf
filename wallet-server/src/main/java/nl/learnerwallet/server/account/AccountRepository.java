package nl.learnerwallet.server.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AccountRepository extends CrudRepository<Account, String> {

    /** @return 1 when the account was added, 0 when it was there already (registered by another request meanwhile) */
    @Query("INSERT INTO accounts (public_key, created_at) VALUES (:publicKey, :createdAt) ON CONFLICT (public_key) DO NOTHING")
    long insertIfAbsent(String publicKey, long createdAt);

    boolean existsByPublicKeyAndSuspendedAtIsNotNull(String publicKey);

    @Query("UPDATE accounts SET suspended_at = :now WHERE public_key = :publicKey AND suspended_at IS NULL")
    long suspend(String publicKey, long now);

    @Query("UPDATE accounts SET suspended_at = NULL WHERE public_key = :publicKey AND suspended_at IS NOT NULL")
    long unsuspend(String publicKey);
}
