package nl.learnerwallet.model.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.fetch.TestFetchers;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Attack catalogue, the guarded fetcher: every network read a credential can cause. Loopback,
 * private, link-local and metadata addresses in every spelling are refused before a connection
 * is made — by the address ({@code PRIVATE_ADDRESS}) or, for numeric spellings that parsers read
 * differently, by the form ({@code BAD_URL}) — directly, after redirects (each hop re-checked), and
 * when a name's DNS answer changes between the check and the connection. Both loopback listeners
 * (127.0.0.1 and [::1]) are watched and must see nothing but what a case lets through.
 *
 * <p>Elsewhere, by name: endless bodies ({@code GuardedFetcherTest.abandonsAOneGigabyteBodyAtTheLimit}),
 * trickling bodies ({@code endsATricklingBodyAtTheCallTimeout}), at most three redirects
 * ({@code followsAtMostThreeRedirects}); in status lists, gzip and zlib bombs, lists shorter than
 * the minimum and indexes out of range ({@code BitstringStatusListTest}, {@code TokenStatusListCheckTest}).
 */
class FetcherAttacksTest {

    private final Attacker attacker = new Attacker();
    /** Public addresses only, as in production. */
    private final GuardedFetcher fetcher = GuardedFetcher.standard(false);

    @AfterEach
    void close() {
        attacker.close();
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "127.0.0.1, PRIVATE_ADDRESS",
        "[::1], PRIVATE_ADDRESS",
        "0.0.0.0, PRIVATE_ADDRESS",
        "[::], PRIVATE_ADDRESS",
        "[::ffff:127.0.0.1], PRIVATE_ADDRESS",
        "[0:0:0:0:0:ffff:7f00:1], PRIVATE_ADDRESS",
        "[::127.0.0.1], PRIVATE_ADDRESS",
        "[64:ff9b::7f00:1], PRIVATE_ADDRESS",
        "localhost, PRIVATE_ADDRESS",
        "LOCALHOST, PRIVATE_ADDRESS",
        "%31%32%37.0.0.1, PRIVATE_ADDRESS",
        "2130706433, BAD_URL",
        "0177.0.0.1, BAD_URL",
        "0x7f.0.0.1, BAD_URL",
        "0x7f000001, BAD_URL",
        "127.1, BAD_URL",
        "127.000.000.001, BAD_URL",
        "017700000001, BAD_URL",
        "10.0.0.1, PRIVATE_ADDRESS",
        "172.16.0.1, PRIVATE_ADDRESS",
        "192.168.1.1, PRIVATE_ADDRESS",
        "100.64.0.1, PRIVATE_ADDRESS",
        "[fd00:ec2::254], PRIVATE_ADDRESS",
        "[fe80::1], PRIVATE_ADDRESS"})
    void loopbackAndPrivateAddressesInEverySpelling(String host, FetchProblem problem) {
        String url = "http://" + host + ":" + attacker.port() + "/x";

        refused(() -> fetcher.checkAddress(url), problem);
        refused(() -> fetcher.fetch(url), problem);
        attacker.untouched();
    }

    @Test
    void theCloudMetadataService() {
        refused(() -> fetcher.fetch("http://169.254.169.254/latest/meta-data/iam/security-credentials/"),
                FetchProblem.PRIVATE_ADDRESS);
        refused(() -> fetcher.fetch("http://[fd00:ec2::254]/latest/meta-data/"), FetchProblem.PRIVATE_ADDRESS);
    }

    /**
     * 127.0.0.1 plays a public issuer here (exempted by name), which redirects to loopback in
     * another spelling: each hop is checked anew, so the redirect is the last request made.
     * ({@code [::ffff:127.0.0.1]} is the exempted name itself once okhttp has read it, so it is
     * left to the case above.)
     */
    @ParameterizedTest(name = "a redirect to {0} is refused as {1}")
    @CsvSource({
        "localhost, PRIVATE_ADDRESS",
        "[::1], PRIVATE_ADDRESS",
        "0.0.0.0, PRIVATE_ADDRESS",
        "2130706433, BAD_URL",
        "0177.0.0.1, BAD_URL",
        "169.254.169.254, PRIVATE_ADDRESS"})
    void redirectsToThemAreRefusedAtEachHop(String host, FetchProblem problem) {
        attacker.http.redirect("/start", "http://" + host + ":" + attacker.port() + "/internal");
        attacker.http.json("/internal", "{\"secret\":true}");
        GuardedFetcher publicIssuer = TestFetchers.exempting(FetchConfig.defaults(), Collections.singleton("127.0.0.1"));

        refused(() -> publicIssuer.fetch(attacker.url("/start")), problem);
        assertThat(attacker.http.requests()).containsExactly("/start");
    }

    /**
     * DNS rebinding: the name answers a public address when the wallet checks it (before asking the
     * learner, say) and loopback when it connects. The connection uses the checked resolver's own
     * answer, so it is refused, and nothing is sent.
     */
    @Test
    void aDnsAnswerThatChangesBetweenCheckAndConnect() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        InetAddress publicAddress = InetAddress.getByName("203.0.113.10");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Dns rebinding = hostname -> List.of(lookups.getAndIncrement() == 0 ? publicAddress : loopback);
        GuardedFetcher guarded = TestFetchers.resolvingWith(FetchConfig.defaults(), Collections.emptySet(), rebinding);
        String url = "http://issuer.example:" + attacker.port() + "/status/1";

        guarded.checkAddress(url);
        refused(() -> guarded.fetch(url), FetchProblem.PRIVATE_ADDRESS);
        assertThat(lookups.get()).isGreaterThanOrEqualTo(2);
        attacker.untouched();
    }

    /** A name whose answers mix a public and a private address is refused outright, not filtered. */
    @Test
    void aDnsAnswerWithAPrivateAddressAmongPublicOnes() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("203.0.113.10");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        GuardedFetcher guarded = TestFetchers.resolvingWith(FetchConfig.defaults(), Collections.emptySet(),
                hostname -> List.of(publicAddress, loopback));

        refused(() -> guarded.fetch("http://issuer.example:" + attacker.port() + "/x"), FetchProblem.PRIVATE_ADDRESS);
        attacker.untouched();
    }

    /** Not http(s): nothing is opened, locally or remotely. */
    @Test
    void otherSchemes() {
        for (String url : new String[] {"file:///etc/passwd", "jar:file:/tmp/x.jar!/", "ftp://127.0.0.1/", "gopher://127.0.0.1:"
                + attacker.port() + "/_GET", "data:text/plain,hi"}) {
            refused(() -> fetcher.fetch(url), FetchProblem.BAD_URL);
        }
        attacker.untouched();
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, FetchProblem problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
