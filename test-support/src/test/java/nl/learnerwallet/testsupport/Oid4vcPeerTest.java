package nl.learnerwallet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The oid4vc peer works before any Java wallet talks to it: oid4vc-ts's own wallet side
 * (interop/oid4vc/selftest.mjs) receives both credentials by pre-authorized code (with and without
 * tx_code, by value and by reference), by authorization code (scope and authorization_details) and
 * deferred, and presents them over OpenID4VP; the negative controls are refused.
 */
class Oid4vcPeerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Oid4vcPeer peer;

    @BeforeAll
    static void startPeer() {
        long started = System.nanoTime();
        peer = Oid4vcPeer.start();
        System.out.printf("oid4vc peer at %s started in %d ms%n", peer.baseUrl(), (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void oid4vcTsWalletSideCompletesEveryFlowAgainstThePeer() throws Exception {
        Process selftest = new ProcessBuilder(List.of("node", "selftest.mjs", peer.baseUrl()))
                .directory(Oid4vcPeer.folder().toFile())
                .redirectErrorStream(true)
                .start();
        selftest.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(selftest.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read the selftest's output: " + e;
            }
        });
        boolean finished = selftest.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            selftest.destroyForcibly();
        }
        String report = output.get(10, TimeUnit.SECONDS) + "\npeer stderr:\n" + peer.stderr();

        assertThat(finished).as(report).isTrue();
        assertThat(selftest.exitValue()).as(report).isZero();
        assertThat(report).contains(" passed, 0 failed");
    }

    @Test
    void keysAreDidJwks() {
        ObjectNode keys = peer.keys();

        assertThat(keys.path("issuerDid").asText()).startsWith("did:jwk:");
        assertThat(keys.path("verifierDid").asText()).startsWith("did:jwk:").isNotEqualTo(keys.path("issuerDid").asText());
        assertThat(keys.path("issuerPublicJwk").path("crv").asText()).isEqualTo("P-256");
        assertThat(keys.path("issuerPublicJwk").has("d")).isFalse();
    }

    @Test
    void anOfferForAnUnknownConfigurationIsMadeAsAsked() {
        ObjectNode offer = peer.createOffer("pre-authorized_code", "NoSuchCredential");

        assertThat(offer.path("offerUri").asText()).startsWith("openid-credential-offer://?credential_offer=");
        assertThat(offer.path("offer").path("credential_configuration_ids").get(0).asText()).isEqualTo("NoSuchCredential");
        assertThat(offer.path("offer").path("credential_issuer").asText()).isEqualTo(peer.baseUrl());
        assertThat(offer.path("preAuthorizedCode").asText()).isNotEmpty();
    }

    @Test
    void aRequestUriNamesTheVerifierAndItsRequestObject() throws Exception {
        ObjectNode request = peer.createRequest(JSON.readTree(
                "{\"credentials\": [{\"id\": \"learning\", \"format\": \"dc+sd-jwt\","
                        + " \"claims\": [{\"path\": [\"given_name\"]}]}]}"));

        assertThat(request.path("requestUri").asText())
                .startsWith("openid4vp://?client_id=decentralized_identifier%3Adid%3Ajwk%3A")
                .contains("&request_uri=" + java.net.URLEncoder.encode(peer.baseUrl() + "/requests/" + request.path("id").asText(),
                        StandardCharsets.UTF_8));
        assertThat(peer.result(request.path("id").asText()).path("received").asBoolean()).isFalse();
    }

    @Test
    void aBadControlCallSaysWhyWithThePeersLog() {
        ObjectNode bad = JSON.createObjectNode();
        bad.put("grant", "implicit");

        assertThatThrownBy(() -> peer.createOffer(bad))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 400")
                .hasMessageContaining("configurationIds must be a non-empty array")
                .hasMessageContaining("peer stderr:");
    }
}
