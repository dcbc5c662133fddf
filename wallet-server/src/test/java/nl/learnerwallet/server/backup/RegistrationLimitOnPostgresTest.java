package nl.learnerwallet.server.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link RegistrationLimitTest}, on PostgreSQL. */
@MicronautTest
class RegistrationLimitOnPostgresTest extends RegistrationLimitTest implements OnPostgres {
}
