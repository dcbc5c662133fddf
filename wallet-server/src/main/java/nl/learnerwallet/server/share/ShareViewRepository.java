package nl.learnerwallet.server.share;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ShareViewRepository extends CrudRepository<ShareView, String> {

    List<ShareView> findByShareIdOrderByViewedAt(String shareId);

    @Query("DELETE FROM share_views WHERE viewed_at < :before")
    long deleteViewedBefore(long before);
}
