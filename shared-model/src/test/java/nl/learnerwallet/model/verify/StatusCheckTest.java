package nl.learnerwallet.model.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.status.TokenStatusListCheck;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** Which status entries are looked up, and when a status is inconclusive without asking anyone. */
class StatusCheckTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final String issuer = TestIssuer.es256().did();

    @Test
    void noStatusPublishedPasses() {
        assertThat(new StatusCheck().check(null, issuer, CLOCK).reason()).isEqualTo(Reason.NO_STATUS_PUBLISHED);
        assertThat(new StatusCheck().check(StrictJson.mapper().nullNode(), issuer, CLOCK).outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void offlineEveryKindOfEntryIsInconclusive() {
        ObjectNode bitstring = StrictJson.mapper().createObjectNode().put("type", "BitstringStatusListEntry");

        for (ObjectNode entry : new ObjectNode[] {bitstring, tokenStatusList("https://issuer.example/statuslists/1")}) {
            CheckResult result = new StatusCheck().check(entry, issuer, CLOCK);
            assertThat(result.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
            assertThat(result.reason()).isEqualTo(Reason.STATUS_NOT_CHECKABLE);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void aTokenStatusListIsLookedUpOnlyWithAClockAndAnIssuer() {
        try (LoopbackIssuer server = LoopbackIssuer.http()) {
            StatusCheck online = new StatusCheck(null,
                    new TokenStatusListCheck(GuardedFetcher.standard(true), IssuerKeys.offline()));
            ObjectNode entry = tokenStatusList(server.url("/statuslists/1"));

            assertThat(online.check(entry, issuer).reason()).isEqualTo(Reason.STATUS_NOT_CHECKABLE);
            assertThat(online.check(entry, null, CLOCK).reason()).isEqualTo(Reason.STATUS_NOT_CHECKABLE);
            assertThat(server.requests()).isEmpty();

            online.check(entry, issuer, CLOCK);
            assertThat(server.requests()).containsExactly("/statuslists/1");
        }
    }

    private static ObjectNode tokenStatusList(String uri) {
        ObjectNode status = StrictJson.mapper().createObjectNode();
        status.putObject("status_list").put("idx", 0).put("uri", uri);
        return status;
    }
}
