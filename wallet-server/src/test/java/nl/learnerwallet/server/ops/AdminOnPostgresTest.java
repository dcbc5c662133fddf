package nl.learnerwallet.server.ops;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link AdminTest}, on PostgreSQL. */
@MicronautTest(transactional = false)
class AdminOnPostgresTest extends AdminTest implements OnPostgres {
}
