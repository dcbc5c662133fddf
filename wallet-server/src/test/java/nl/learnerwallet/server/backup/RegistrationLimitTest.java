package nl.learnerwallet.server.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Registration is rate-limited per client. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationLimitTest implements TemporaryDatabase {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("wallet.auth.registrations-per-hour", "3");
    }

    @Test
    void aClientMayRegisterOnlySoManyAccountsAnHour() {
        for (int i = 0; i < 3; i++) {
            assertThat(new TestAccount(server.getURI()).register().statusCode()).isEqualTo(201);
        }
        assertThat(new TestAccount(server.getURI()).register().statusCode()).isEqualTo(429);
    }
}
