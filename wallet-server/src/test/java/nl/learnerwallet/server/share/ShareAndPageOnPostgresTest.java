package nl.learnerwallet.server.share;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link ShareAndPageTest}, on PostgreSQL. */
@MicronautTest
class ShareAndPageOnPostgresTest extends ShareAndPageTest implements OnPostgres {
}
