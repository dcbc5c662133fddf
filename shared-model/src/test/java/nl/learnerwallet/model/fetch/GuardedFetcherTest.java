package nl.learnerwallet.model.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedFetcherTest {

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final GuardedFetcher loopbackAllowed = GuardedFetcher.standard(true);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchesADocument() {
        server.json("/a", "{\"id\":1}");

        FetchedDocument document = loopbackAllowed.fetch(server.url("/a"));

        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":1}");
    }

    @Test
    void asksForJsonUnlessAnotherMediaTypeIsGiven() {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        server.handler("/a", exchange -> {
            accepted.add(exchange.getRequestHeaders().getFirst("Accept"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });

        loopbackAllowed.fetch(server.url("/a"));
        loopbackAllowed.fetch(server.url("/a"), false, "application/statuslist+jwt");

        assertThat(accepted).hasSize(2);
        assertThat(accepted.get(0)).startsWith("application/ld+json");
        assertThat(accepted.get(1)).isEqualTo("application/statuslist+jwt");
    }

    @Test
    void reports404And410WithTheirStatus() {
        server.status("/gone", 410);

        assertProblem(() -> loopbackAllowed.fetch(server.url("/missing")), FetchProblem.HTTP_STATUS, 404);
        assertProblem(() -> loopbackAllowed.fetch(server.url("/gone")), FetchProblem.HTTP_STATUS, 410);
    }

    @Test
    void reportsAnUnreachableServer() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertProblem(() -> loopbackAllowed.fetch("http://127.0.0.1:" + port + "/x"), FetchProblem.UNREACHABLE, 0);
    }

    @Test
    void abandonsAOneGigabyteBodyAtTheLimit() {
        server.huge("/huge", 1L << 30);

        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertProblem(() -> loopbackAllowed.fetch(server.url("/huge")), FetchProblem.TOO_LARGE, 0);
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(after - before).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void endsATricklingBodyAtTheCallTimeout() {
        server.trickle("/slow", 100);
        GuardedFetcher impatient = new GuardedFetcher(FetchConfig.defaults().withAllowPrivateNetworks(true)
                .withTimeouts(1_000, 1_000, 1_500));

        long start = System.nanoTime();
        assertProblem(() -> impatient.fetch(server.url("/slow")), FetchProblem.TIMEOUT, 0);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void refusesLoopbackWhenPrivateNetworksAreNotAllowed() {
        server.json("/a", "{}");

        assertProblem(() -> GuardedFetcher.standard(false).fetch(server.url("/a")), FetchProblem.PRIVATE_ADDRESS, 0);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void refusesARedirectToALoopbackAddress() {
        // 127.0.0.1 plays the public issuer here; the redirect to "localhost" is checked on its own.
        server.redirect("/start", "http://localhost:" + server.port() + "/internal");
        server.json("/internal", "{}");
        GuardedFetcher fetcher = new GuardedFetcher(FetchConfig.defaults(), Collections.singleton("127.0.0.1"));

        assertProblem(() -> fetcher.fetch(server.url("/start")), FetchProblem.PRIVATE_ADDRESS, 0);
        assertThat(server.requests()).containsExactly("/start");
    }

    @Test
    void followsAtMostThreeRedirects() {
        server.redirect("/r1", "/r2").redirect("/r2", "/r3").redirect("/r3", "/r4").redirect("/r4", "/end");
        server.json("/end", "{}");
        server.redirect("/ok1", "/ok2").redirect("/ok2", "/end");

        assertThat(loopbackAllowed.fetch(server.url("/ok1")).finalUrl()).endsWith("/end");
        assertProblem(() -> loopbackAllowed.fetch(server.url("/r1")), FetchProblem.TOO_MANY_REDIRECTS, 0);
    }

    @Test
    void requiresHttpsWhereAsked() {
        assertProblem(() -> loopbackAllowed.fetch(server.url("/a"), true), FetchProblem.NOT_HTTPS, 0);
        assertProblem(() -> loopbackAllowed.fetch("file:///etc/passwd"), FetchProblem.BAD_URL, 0);
    }

    @Test
    void refusesMetadataAndPrivateRanges() throws Exception {
        for (String address : new String[] {"169.254.169.254", "10.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1",
                "0.0.0.0", "::1", "fd00:ec2::254", "::ffff:127.0.0.1", "fe80::1"}) {
            assertThat(AddressPolicy.isPublic(java.net.InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(AddressPolicy.isPublic(java.net.InetAddress.getByName("145.100.190.1"))).isTrue();
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, FetchProblem problem,
            int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }
}
