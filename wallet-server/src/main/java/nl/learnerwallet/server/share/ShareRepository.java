package nl.learnerwallet.server.share;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ShareRepository extends CrudRepository<Share, String> {

    Optional<Share> findByTokenHash(String tokenHash);

    List<Share> findByAccountKeyOrderByCreatedAt(String accountKey);

    /** Counts a view only while the link is live and under its limit: one atomic step, on any instance. */
    @Query("UPDATE shares SET views = views + 1 WHERE id = :id AND active = TRUE AND revoked_at IS NULL "
            + "AND taken_down_at IS NULL AND expires_at > :now AND (max_views IS NULL OR views < max_views)")
    long countView(String id, long now);

    @Query("UPDATE shares SET revoked_at = :now, payload = NULL WHERE id = :id AND revoked_at IS NULL")
    long revoke(String id, long now);

    /** An operator's takedown: like a revocation, but the page says the link was taken down. */
    @Query("UPDATE shares SET taken_down_at = :now, payload = NULL WHERE id = :id AND taken_down_at IS NULL")
    long takeDown(String id, long now);

    /** A revoked share's decisions go with its presentation: they are about the learner. */
    @Query("DELETE FROM share_decisions WHERE share_id = :id")
    long eraseDecisions(String id);

    @Query("UPDATE shares SET active = TRUE, payload = :payload WHERE id = :id AND active = FALSE AND revoked_at IS NULL "
            + "AND taken_down_at IS NULL")
    long activate(String id, byte[] payload);

    void deleteByAccountKey(String accountKey);

    /**
     * Deletes the shares of one purpose that ended (expired, revoked or taken down) before the
     * given time, with their access logs and decisions (by the foreign keys' cascade).
     */
    @Query("DELETE FROM shares WHERE purpose = :purpose AND (expires_at < :endedBefore OR revoked_at < :endedBefore "
            + "OR taken_down_at < :endedBefore)")
    long deleteEnded(String purpose, long endedBefore);

    /** The same for every purpose but one. */
    @Query("DELETE FROM shares WHERE purpose <> :purpose AND (expires_at < :endedBefore OR revoked_at < :endedBefore "
            + "OR taken_down_at < :endedBefore)")
    long deleteEndedExcept(String purpose, long endedBefore);
}
