package nl.learnerwallet.server.dossier;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.learnerwallet.server.support.OnPostgres;

/** Every test of {@link DossierAndDecisionTest}, on PostgreSQL. */
@MicronautTest
class DossierAndDecisionOnPostgresTest extends DossierAndDecisionTest implements OnPostgres {
}
