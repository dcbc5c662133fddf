package nl.learnerwallet.server.backup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link BackupApiTest}, on PostgreSQL. */
@MicronautTest
class BackupApiOnPostgresTest extends BackupApiTest implements OnPostgres {
}
