package nl.learnerwallet.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IETF Token Status List over real HTTP: a VC-JWT's {@code status} claim points at a
 * {@code statuslist+jwt} that the credential's issuer signed, served by a loopback issuer.
 */
class TokenStatusListCheckTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final String LIST_PATH = "/statuslists/1";

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final TestIssuer issuer = TestIssuer.es256();
    private final CredentialVerifier online = new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(true));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aValidEntryPassesAndTheListIsAskedForAsAStatusListJwt() {
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        String token = issuer.sign(typed("statuslist+jwt"), listToken(1, new byte[] {0x02}));
        server.handler(LIST_PATH, exchange -> {
            accepted.add(exchange.getRequestHeaders().getFirst("Accept"));
            byte[] body = token.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", TokenStatusListCheck.MEDIA_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        VerificationReport report = verify(0);

        assertThat(report.check(CheckId.STATUS).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.check(CheckId.STATUS).reason()).isEqualTo(Reason.OK);
        assertThat(report.status()).isIn(VerificationStatus.VERIFIED, VerificationStatus.NOT_RECIPIENT);
        assertThat(accepted).containsExactly(TokenStatusListCheck.MEDIA_TYPE);
    }

    @Test
    void anInvalidEntryIsRevoked() {
        publish(listToken(1, new byte[] {0x02})); // index 1 is INVALID

        VerificationReport report = verify(1);

        assertThat(report.check(CheckId.STATUS).reason()).isEqualTo(Reason.REVOKED);
        assertThat(report.status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void aSuspendedEntryIsSuspended() {
        publish(listToken(2, new byte[] {0x08})); // index 1 is 0b10, SUSPENDED

        assertThat(status(0).reason()).isEqualTo(Reason.OK);
        CheckResult suspended = status(1);
        assertThat(suspended.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(suspended.reason()).isEqualTo(Reason.SUSPENDED);
    }

    @Test
    void readsTwoBitStatusesAndPassesValuesItCannotActOn() {
        // The draft's two-bit example: 1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3.
        publish(listToken(2, new byte[] {(byte) 0xC9, 0x44, (byte) 0xF9}));

        assertThat(status(0).reason()).isEqualTo(Reason.REVOKED);
        assertThat(status(1).reason()).isEqualTo(Reason.SUSPENDED);
        assertThat(status(2).reason()).isEqualTo(Reason.OK);
        CheckResult applicationSpecific = status(3);
        assertThat(applicationSpecific.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(applicationSpecific.reason()).isEqualTo(Reason.OK);
        assertThat(status(9).reason()).isEqualTo(Reason.SUSPENDED);
    }

    @Test
    void anIndexOutsideTheListIsInconclusive() {
        publish(listToken(2, new byte[] {0x00, 0x00})); // 8 entries

        assertThat(status(7).reason()).isEqualTo(Reason.OK);
        CheckResult outside = status(8);
        assertThat(outside.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(outside.reason()).isEqualTo(Reason.STATUS_INDEX_OUT_OF_RANGE);
    }

    @Test
    void onlyATokenOfTypeStatusListJwtIsAList() {
        ObjectNode list = listToken(1, new byte[] {0x00});

        server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, issuer.sign(typed("application/statuslist+jwt"), list));
        assertThat(status(0).reason()).isEqualTo(Reason.OK);

        for (String type : new String[] {"JWT", "vc+jwt", "statuslist+cwt"}) {
            server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, issuer.sign(typed(type), list));
            assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
        }
        server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, issuer.sign(issuer.header().type(null).build(), list));
        assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
    }

    @Test
    void aListWhoseSubjectIsAnotherUriIsRefused() {
        publish(listToken(1, new byte[] {0x00}).put("sub", server.url("/statuslists/2")));
        assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);

        ObjectNode noSubject = listToken(1, new byte[] {0x00});
        noSubject.remove("sub");
        publish(noSubject);
        assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
    }

    @Test
    void aListSignedByAnotherKeyOrNamingAnotherIssuerIsRefused() {
        TestIssuer someoneElse = TestIssuer.es256();
        ObjectNode list = listToken(1, new byte[] {0x02});

        server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, someoneElse.sign(typed("statuslist+jwt"), list));
        assertInconclusive(status(1), Reason.STATUS_LIST_INVALID);

        publish(list.deepCopy().put("iss", someoneElse.did()));
        assertInconclusive(status(1), Reason.STATUS_LIST_INVALID);

        ObjectNode withoutIss = list.deepCopy();
        withoutIss.remove("iss");
        publish(withoutIss);
        assertThat(status(1).reason()).as("iss is optional; the signature decides").isEqualTo(Reason.REVOKED);
    }

    @Test
    void anExpiredListIsRefused() {
        publish(listToken(1, new byte[] {0x00}).put("exp", NOW.getEpochSecond() + 1));
        assertThat(status(0).reason()).isEqualTo(Reason.OK);

        for (long exp : new long[] {NOW.getEpochSecond(), NOW.minus(Duration.ofDays(1)).getEpochSecond()}) {
            publish(listToken(1, new byte[] {0x00}).put("exp", exp));
            assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
        }
        publish(listToken(1, new byte[] {0x00}).put("exp", "tomorrow"));
        assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
    }

    @Test
    void aListThatCannotBeReachedIsInconclusive() {
        assertInconclusive(status(0), Reason.STATUS_NOT_CHECKABLE); // nothing published: 404

        String closedServer;
        try (LoopbackIssuer gone = LoopbackIssuer.http()) {
            closedServer = gone.url(LIST_PATH);
        }
        assertInconclusive(verify(0, closedServer).check(CheckId.STATUS), Reason.STATUS_NOT_CHECKABLE);
        assertThat(verify(0, closedServer).status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
    }

    @Test
    void aBodyThatIsNotAJwtIsRefused() {
        for (String body : new String[] {"{\"status_list\":{\"bits\":1,\"lst\":\"eNrbuRgAAhcBXQ\"}}", "", "a.b", "a.b.c.d",
                "e30.e30.%%%"}) {
            server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, body);
            assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
        }
    }

    @Test
    void aZlibBombStopsAtTheDecompressionCap() {
        publish(listToken(1, new byte[TokenStatusList.MAX_BYTES]));
        assertThat(status(0).reason()).as("a list of exactly the cap is read").isEqualTo(Reason.OK);

        // 64 MiB of zeros compress to about 64 KiB: well within the fetcher's limit.
        publish(listToken(1, new byte[64 * 1024 * 1024]));
        assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
    }

    @Test
    void aListThatIsNotBase64urlIsRefused() {
        for (String lst : new String[] {"not base64!", "eNrbuRgAAhcBXQ==", "eNrb+RgAAhcBXQ", ""}) {
            ObjectNode list = listToken(1, new byte[] {0x00});
            ((ObjectNode) list.get("status_list")).put("lst", lst);
            publish(list);
            assertInconclusive(status(0), Reason.STATUS_LIST_INVALID);
        }
    }

    @Test
    void aReferenceWithoutAUsableIndexOrUriIsInconclusive() {
        publish(listToken(1, new byte[] {0x00}));
        ObjectNode status = StrictJson.mapper().createObjectNode();
        ObjectNode reference = status.putObject("status_list").put("uri", server.url(LIST_PATH));
        TokenStatusListCheck check = new TokenStatusListCheck(GuardedFetcher.standard(true), IssuerKeys.offline());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        for (String idx : new String[] {"-1", "1.5", "\"0\"", "99999999999999999999"}) {
            reference.set("idx", StrictJson.parse(idx.getBytes(StandardCharsets.UTF_8)));
            assertInconclusive(check.check(status, issuer.did(), clock), Reason.STATUS_LIST_INVALID);
        }
        reference.put("idx", 0).put("uri", 7);
        assertInconclusive(check.check(status, issuer.did(), clock), Reason.STATUS_LIST_INVALID);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void offlineTheListIsNotFetchedAndTheStatusIsInconclusive() {
        publish(listToken(1, new byte[] {0x00}));
        CredentialVerifier offline = new CredentialVerifier(IssuerKeys.offline());

        assertInconclusive(verify(0, server.url(LIST_PATH), offline).check(CheckId.STATUS), Reason.STATUS_NOT_CHECKABLE);
        assertThat(server.requests()).isEmpty();
    }

    private CheckResult status(long index) {
        return verify(index).check(CheckId.STATUS);
    }

    private VerificationReport verify(long index) {
        return verify(index, server.url(LIST_PATH));
    }

    private VerificationReport verify(long index, String uri) {
        return verify(index, uri, online);
    }

    /** A credential of this issuer whose {@code status} claim points at index {@code index} of the list at {@code uri}. */
    private VerificationReport verify(long index, String uri, CredentialVerifier verifier) {
        ObjectNode payload = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).payload();
        payload.putObject("status").putObject("status_list").put("idx", index).put("uri", uri);
        String token = issuer.sign(payload);
        VerificationContext context = new VerificationContext(
                new TrustList(Collections.singletonList(new TrustEntry(issuer.did(), "Issuer", "test", NOW))),
                RecipientIdentities.none(), Clock.fixed(NOW, ZoneOffset.UTC));
        return verifier.verify(CredentialReader.read(token.getBytes(StandardCharsets.UTF_8)), context).report();
    }

    /** Serves the list signed by the credential's issuer, as a status list token. */
    private void publish(ObjectNode listToken) {
        server.text(LIST_PATH, TokenStatusListCheck.MEDIA_TYPE, issuer.sign(typed("statuslist+jwt"), listToken));
    }

    private JWSHeader typed(String type) {
        return issuer.header().type(new JOSEObjectType(type)).build();
    }

    /** The claims of a status list token for {@code /statuslists/1}, valid for a day from now. */
    private ObjectNode listToken(int bits, byte[] statuses) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.put("sub", server.url(LIST_PATH));
        payload.put("iss", issuer.did());
        payload.put("iat", NOW.minus(Duration.ofHours(1)).getEpochSecond());
        payload.put("exp", NOW.plus(Duration.ofDays(1)).getEpochSecond());
        payload.putObject("status_list").put("bits", bits).put("lst", TokenStatusListTest.lst(statuses));
        return payload;
    }

    private static void assertInconclusive(CheckResult result, Reason reason) {
        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.reason()).as(result.detail()).isEqualTo(reason);
    }
}
