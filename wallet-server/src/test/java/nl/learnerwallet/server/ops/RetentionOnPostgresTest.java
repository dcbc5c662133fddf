package nl.learnerwallet.server.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link RetentionTest}, on PostgreSQL. */
@MicronautTest(transactional = false)
class RetentionOnPostgresTest extends RetentionTest implements OnPostgres {
}
