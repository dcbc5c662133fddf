package nl.learnerwallet.server.ops;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
public interface AdminActionRepository extends CrudRepository<AdminAction, String> {

    List<AdminAction> findAllOrderByActedAt();

    List<AdminAction> findBySubjectOrderByActedAt(String subject);
}
