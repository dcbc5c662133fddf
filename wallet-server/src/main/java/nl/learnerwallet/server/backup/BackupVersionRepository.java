package nl.learnerwallet.server.backup;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface BackupVersionRepository extends CrudRepository<BackupVersion, String> {

    @Query("SELECT id, version, size_bytes, created_at FROM backup_versions WHERE account_key = :accountKey ORDER BY version")
    List<BackupVersionInfo> listInfo(String accountKey);

    Optional<BackupVersion> findByAccountKeyAndVersion(String accountKey, long version);

    void deleteByAccountKey(String accountKey);

    /** Deletes versions made before the given time, except each account's newest. */
    @Query("DELETE FROM backup_versions WHERE created_at < :before AND version < "
            + "(SELECT MAX(newest.version) FROM backup_versions newest WHERE newest.account_key = backup_versions.account_key)")
    long deleteSupersededBefore(long before);
}
