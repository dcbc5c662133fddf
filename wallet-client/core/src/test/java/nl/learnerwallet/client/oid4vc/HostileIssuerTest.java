package nl.learnerwallet.client.oid4vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issuers that misbehave, each a real HTTP server on loopback answering as a hostile or broken
 * issuer would: the wallet refuses with a typed error and sends nothing it should not. (The
 * well-behaved flows run against an independent implementation in the CLI's OpenID4VC tests.)
 */
class HostileIssuerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackIssuer issuer = LoopbackIssuer.http();
    private final TestIssuer signer = TestIssuer.es256();
    private final HolderKey holder = HolderKey.generate(new SecureRandom());
    private final Set<String> signedNonces = new HashSet<>();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        issuer.close();
    }

    private CredentialReceiver receiver(boolean allowPrivate) {
        CredentialReceiver.NonceLedger ledger = new CredentialReceiver.NonceLedger() {
            @Override
            public boolean used(String issuerId, String nonce) {
                return signedNonces.contains(issuerId + " " + nonce);
            }

            @Override
            public void remember(String issuerId, String nonce) {
                signedNonces.add(issuerId + " " + nonce);
            }
        };
        return new CredentialReceiver(GuardedFetcher.standard(allowPrivate), holder, Clock.systemUTC(), Locale.ENGLISH, ledger,
                (interval, name) -> waits.add(interval), Duration.ofSeconds(5));
    }

    /** Metadata, authorization server and token endpoint of an issuer that works, to break one part of. */
    private void wellBehavedUpToTheCredential() {
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("credential_issuer", issuer.base());
        metadata.put("credential_endpoint", issuer.url("/credential"));
        metadata.put("nonce_endpoint", issuer.url("/nonce"));
        metadata.put("deferred_credential_endpoint", issuer.url("/deferred"));
        ObjectNode configuration = metadata.putObject("credential_configurations_supported").putObject("OpenBadge");
        configuration.put("format", "jwt_vc_json");
        configuration.putArray("cryptographic_binding_methods_supported").add("did:jwk");
        configuration.putObject("proof_types_supported").putObject("jwt").putArray("proof_signing_alg_values_supported").add("ES256");
        configuration.putObject("credential_definition").putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        issuer.json("/.well-known/openid-credential-issuer", metadata.toString());
        ObjectNode server = JSON.createObjectNode();
        server.put("issuer", issuer.base());
        server.put("token_endpoint", issuer.url("/token"));
        server.putArray("response_types_supported").add("code");
        issuer.json("/.well-known/oauth-authorization-server", server.toString());
        issuer.json("/token", "{\"access_token\": \"at-1\", \"token_type\": \"Bearer\"}");
    }

    private String offer(String configuration) {
        return offer(issuer.base(), configuration, "");
    }

    private static String offer(String issuerId, String configuration, String txCode) {
        String json = "{\"credential_issuer\": \"" + issuerId + "\", \"credential_configuration_ids\": [\"" + configuration + "\"],"
                + " \"grants\": {\"urn:ietf:params:oauth:grant-type:pre-authorized_code\": {\"pre-authorized_code\": \"pac-1\"" + txCode + "}}}";
        return "openid-credential-offer://?credential_offer=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private void answer(String path, int status, String body) {
        issuer.handler(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private String credential() {
        return DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, signer).toHolder(holder.did()).signed();
    }

    private long calls(String path) {
        return issuer.requests().stream().filter(p -> p.startsWith(path)).count();
    }

    private static void refused(ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Oid4vcException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void anIssuerThatHandsOutTheSameNonceAgainGetsNoSecondProof() {
        wellBehavedUpToTheCredential();
        issuer.json("/nonce", "{\"c_nonce\": \"always-the-same\"}");
        issuer.json("/credential", "{\"credentials\": [{\"credential\": \"" + credential() + "\"}]}");
        CredentialReceiver receiver = receiver(true);

        assertThat(receiver.receive(receiver.read(offer("OpenBadge")), null, null)).hasSize(1);
        refused(() -> receiver.receive(receiver.read(offer("OpenBadge")), null, null), Problem.NONCE_REPLAYED);
        assertThat(calls("/credential")).isEqualTo(1);
    }

    @Test
    void metadataThatNamesAnotherIssuerIsNotTrusted() {
        wellBehavedUpToTheCredential();
        issuer.json("/.well-known/openid-credential-issuer", "{\"credential_issuer\": \"https://issuer.example.nl\","
                + " \"credential_endpoint\": \"https://issuer.example.nl/credential\","
                + " \"credential_configurations_supported\": {\"OpenBadge\": {\"format\": \"jwt_vc_json\"}}}");
        refused(() -> receiver(true).read(offer("OpenBadge")), Problem.METADATA_MISMATCH);
        assertThat(calls("/token")).isZero();
    }

    @Test
    void authorizationServerMetadataThatNamesAnotherServerIsNotTrusted() {
        wellBehavedUpToTheCredential();
        issuer.json("/.well-known/oauth-authorization-server", "{\"issuer\": \"https://as.example.nl\","
                + " \"token_endpoint\": \"" + issuer.url("/token") + "\", \"response_types_supported\": [\"code\"]}");
        CredentialReceiver receiver = receiver(true);
        refused(() -> receiver.receive(receiver.read(offer("OpenBadge")), null, null), Problem.METADATA_MISMATCH);
        assertThat(calls("/token")).isZero();
    }

    @Test
    void anOfferForAConfigurationTheIssuerDoesNotDescribeIsRefused() {
        wellBehavedUpToTheCredential();
        refused(() -> receiver(true).read(offer("Diploma")), Problem.UNKNOWN_CONFIGURATION);
    }

    @Test
    void aRefusedTransactionCodeSaysSo() {
        wellBehavedUpToTheCredential();
        answer("/token", 400, "{\"error\": \"invalid_grant\"}");
        CredentialReceiver receiver = receiver(true);
        CredentialReceiver.Offered offered = receiver.read(offer(issuer.base(), "OpenBadge", ", \"tx_code\": {\"length\": 4}"));
        assertThat(offered.needsTransactionCode()).isTrue();
        refused(() -> receiver.receive(offered, null, null), Problem.TRANSACTION_CODE_REQUIRED);
        refused(() -> receiver.receive(offered, "0000", null), Problem.GRANT_REFUSED);
        assertThat(issuer.received()).filteredOn(r -> r.path().equals("/token")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("tx_code=0000"));
    }

    @Test
    void aDeferredCredentialThatNeverComesEndsWithinTheWaitTheWalletAllows() {
        wellBehavedUpToTheCredential();
        issuer.json("/nonce", "{\"c_nonce\": \"n-1\"}");
        answer("/credential", 202, "{\"transaction_id\": \"tx-1\", \"interval\": 2}");
        answer("/deferred", 202, "{\"transaction_id\": \"tx-1\", \"interval\": 2}");
        CredentialReceiver receiver = receiver(true);
        refused(() -> receiver.receive(receiver.read(offer("OpenBadge")), null, null), Problem.DEFERRED_TIMEOUT);
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(calls("/deferred")).isEqualTo(2);
    }

    @Test
    void anIssuerThatRefusesTheProofIsReported() {
        wellBehavedUpToTheCredential();
        issuer.json("/nonce", "{\"c_nonce\": \"n-2\"}");
        answer("/credential", 400, "{\"error\": \"invalid_proof\", \"error_description\": \"bad key\"}");
        CredentialReceiver receiver = receiver(true);
        assertThatThrownBy(() -> receiver.receive(receiver.read(offer("OpenBadge")), null, null))
                .isInstanceOfSatisfying(Oid4vcException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.ISSUER_REFUSED);
                    assertThat(e.getMessage()).contains("invalid_proof: bad key");
                });
    }

    @Test
    void offersThatAreNotUsableAreRefusedBeforeAnythingIsFetched() {
        refused(() -> receiver(false).read(offer("http://issuer.example.nl", "OpenBadge", "")), Problem.UNSUPPORTED);
        refused(() -> receiver(false).read("openid-credential-offer://?credential_offer_uri="
                + URLEncoder.encode("https://10.0.0.7/offer", StandardCharsets.UTF_8)), Problem.ADDRESS_REFUSED);
        refused(() -> receiver(true).read("openid-credential-offer://?credential_offer=%7B%7D"), Problem.MALFORMED);
        refused(() -> receiver(true).read("openid-credential-offer://?credential_offer=%7B%22a%22%3A1%2C%22a%22%3A2%7D"), Problem.MALFORMED);
        refused(() -> receiver(true).read("openid-credential-offer://?credential_offer=x&credential_offer_uri=y"), Problem.MALFORMED);
        refused(() -> receiver(true).read("openid-credential-offer://"), Problem.MALFORMED);
        refused(() -> receiver(true).read("ftp://offer"), Problem.MALFORMED);
        assertThat(issuer.requests()).isEmpty();
    }
}
