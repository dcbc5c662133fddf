package nl.learnerwallet.client.oid4vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A verifier's authorization request read and checked before the learner sees it: signed request
 * objects by value and by reference from a real loopback server, and every way it must be refused.
 */
class PresentationRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TestIssuer verifier = TestIssuer.es256();
    private final String clientId = "decentralized_identifier:" + verifier.did();
    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final GuardedFetcher loopbackAllowed = GuardedFetcher.standard(true);

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode payload() {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("client_id", clientId);
        payload.put("response_type", "vp_token");
        payload.put("response_mode", "direct_post");
        payload.put("response_uri", server.url("/response/1"));
        payload.put("nonce", "n-0S6_WzA2Mj");
        payload.put("state", "s-1");
        payload.put("aud", "https://self-issued.me/v2");
        payload.put("exp", NOW.plusSeconds(300).getEpochSecond());
        payload.putObject("dcql_query").putArray("credentials").addObject().put("id", "learning").put("format", "dc+sd-jwt")
                .putObject("meta").putArray("vct_values").add("urn:eu.europa.ec.eudi:learning:credential:1");
        return payload;
    }

    private String sign(TestIssuer signer, ObjectNode payload) {
        return signer.sign(signer.header().type(new JOSEObjectType("oauth-authz-req+jwt")).keyID(verifier.keyId()).build(), payload);
    }

    private String byReference(String requestObject) {
        server.text("/request/1", "application/oauth-authz-req+jwt", requestObject);
        return "openid4vp://?client_id=" + encode(clientId) + "&request_uri=" + encode(server.url("/request/1"));
    }

    private String byValue(String requestObject) {
        return "openid4vp://?client_id=" + encode(clientId) + "&request=" + requestObject;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PresentationRequest read(String link, GuardedFetcher fetcher) {
        return PresentationRequest.read(link, fetcher, IssuerKeys.offline(), CLOCK);
    }

    private static void refused(ThrowingCallable call, Problem problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Oid4vcException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void aSignedRequestByReferenceIsReadWithTheVerifiersDidAndQuery() {
        PresentationRequest request = read(byReference(sign(verifier, payload())), loopbackAllowed);

        assertThat(request.verifier()).isEqualTo(verifier.did());
        assertThat(request.clientId()).isEqualTo(clientId);
        assertThat(request.verifierAuthenticated()).isTrue();
        assertThat(request.nonce()).isEqualTo("n-0S6_WzA2Mj");
        assertThat(request.state()).isEqualTo("s-1");
        assertThat(request.query().credentials()).extracting(DcqlQuery.CredentialQuery::id).containsExactly("learning");
    }

    @Test
    void aRequestSignedByAnotherKeyIsRefused() {
        refused(() -> read(byReference(sign(TestIssuer.es256(), payload())), loopbackAllowed), Problem.BAD_REQUEST_SIGNATURE);
    }

    @Test
    void aRequestWhoseSignedClientIdDiffersFromTheLinkIsRefused() {
        ObjectNode payload = payload();
        payload.put("client_id", "decentralized_identifier:" + TestIssuer.es256().did());
        refused(() -> read(byReference(sign(verifier, payload)), loopbackAllowed), Problem.CLIENT_ID_MISMATCH);
    }

    @Test
    void anUnsignedRequestFromADidIsRefused() {
        String link = "openid4vp://?client_id=" + encode(clientId) + "&response_type=vp_token&response_mode=direct_post"
                + "&response_uri=" + encode(server.url("/response/1")) + "&nonce=n1&dcql_query="
                + encode(payload().get("dcql_query").toString());
        refused(() -> read(link, loopbackAllowed), Problem.BAD_REQUEST_SIGNATURE);
    }

    @Test
    void anUnsignedRequestNamedByItsResponseUriIsReadAsUnauthenticated() {
        String responseUri = server.url("/response/1");
        String link = "openid4vp://?client_id=" + encode("redirect_uri:" + responseUri)
                + "&response_type=vp_token&response_mode=direct_post&response_uri=" + encode(responseUri)
                + "&nonce=n1&dcql_query=" + encode(payload().get("dcql_query").toString());
        PresentationRequest request = read(link, loopbackAllowed);
        assertThat(request.verifierAuthenticated()).isFalse();
        assertThat(request.verifier()).isEqualTo(responseUri);

        String elsewhere = link.replace("response_uri=" + encode(responseUri), "response_uri=" + encode(server.url("/other")));
        refused(() -> read(elsewhere, loopbackAllowed), Problem.CLIENT_ID_MISMATCH);
    }

    @Test
    void aResponseUriOnAPrivateAddressIsRefusedBeforeTheLearnerIsAsked() {
        for (String privateUri : new String[] {"https://10.20.30.40/response", "https://127.0.0.1/response",
            "https://169.254.169.254/latest", "https://[::1]/response"}) {
            ObjectNode payload = payload();
            payload.put("response_uri", privateUri);
            refused(() -> read(byValue(sign(verifier, payload)), GuardedFetcher.standard(false)), Problem.ADDRESS_REFUSED);
        }
    }

    @Test
    void anExpiredRequestIsRefused() {
        ObjectNode payload = payload();
        payload.put("exp", NOW.minusSeconds(1).getEpochSecond());
        refused(() -> read(byReference(sign(verifier, payload)), loopbackAllowed), Problem.EXPIRED);
    }

    @Test
    void requestsThisWalletCannotAnswerAreRefusedByName() {
        ObjectNode encrypted = payload();
        encrypted.put("response_mode", "direct_post.jwt");
        refused(() -> read(byReference(sign(verifier, encrypted)), loopbackAllowed), Problem.UNSUPPORTED);

        ObjectNode exchange = payload();
        exchange.putObject("presentation_definition").put("id", "pd");
        refused(() -> read(byReference(sign(verifier, exchange)), loopbackAllowed), Problem.UNSUPPORTED);

        ObjectNode untyped = payload();
        String plainJwt = verifier.sign(verifier.header().type(JOSEObjectType.JWT).keyID(verifier.keyId()).build(), untyped);
        refused(() -> read(byReference(plainJwt), loopbackAllowed), Problem.MALFORMED);

        refused(() -> read("openid4vp://?client_id=x509_san_dns:verifier.example&request_uri=" + encode(server.url("/request/1")),
                loopbackAllowed), Problem.UNSUPPORTED);
    }

    @Test
    void linksThatAreNotRequestsAreMalformed() {
        refused(() -> read("https://example.org/", loopbackAllowed), Problem.MALFORMED);
        refused(() -> read("mailto:someone@example.org", loopbackAllowed), Problem.MALFORMED);
        refused(() -> read("openid4vp://?request_uri=https%3A%2F%2Fverifier.example%2Fr", loopbackAllowed), Problem.MALFORMED);
        refused(() -> read("openid4vp://?client_id=a&client_id=b", loopbackAllowed), Problem.MALFORMED);
    }
}
