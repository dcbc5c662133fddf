package nl.learnerwallet.server.dossier;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface ShareDecisionRepository extends CrudRepository<ShareDecision, String> {

    List<ShareDecision> findByShareIdOrderByNumber(String shareId);
}
