package nl.learnerwallet.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.zip.GZIPOutputStream;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
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

/** Bitstring Status List over real HTTP: the list is a VC-JWT signed by the credential's issuer. */
class BitstringStatusListTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final TestIssuer issuer = TestIssuer.es256();
    private final CredentialVerifier online = new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(true));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aClearBitPassesAndASetBitIsRevoked() throws Exception {
        byte[] bits = new byte[BitstringStatusList.MIN_BYTES];
        bits[5] = (byte) 0x80; // index 40
        publishList("revocation", encode(gzip(bits)));

        assertThat(verify(7, "revocation").check(CheckId.STATUS).reason()).isEqualTo(Reason.OK);
        VerificationReport revoked = verify(40, "revocation");
        assertThat(revoked.status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void aSetSuspensionBitIsSuspended() throws Exception {
        byte[] bits = new byte[BitstringStatusList.MIN_BYTES];
        bits[0] = 0x01; // index 7
        publishList("suspension", encode(gzip(bits)));

        assertThat(verify(7, "suspension").check(CheckId.STATUS).reason()).isEqualTo(Reason.SUSPENDED);
    }

    @Test
    void aGzipBombIsInconclusive() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        publishList("revocation", encode(compressed.toByteArray()));

        VerificationReport report = verify(1, "revocation");
        assertThat(report.check(CheckId.STATUS).reason()).isEqualTo(Reason.STATUS_LIST_INVALID);
        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
    }

    @Test
    void aListShorterThanTheMinimumIsInconclusive() throws Exception {
        publishList("revocation", encode(gzip(new byte[1024])));

        assertThat(verify(1, "revocation").check(CheckId.STATUS).reason()).isEqualTo(Reason.STATUS_LIST_TOO_SHORT);
    }

    @Test
    void anIndexOutOfRangeIsInconclusive() throws Exception {
        publishList("revocation", encode(gzip(new byte[BitstringStatusList.MIN_BYTES])));

        assertThat(verify(BitstringStatusList.MIN_BYTES * 8, "revocation").check(CheckId.STATUS).reason())
                .isEqualTo(Reason.STATUS_INDEX_OUT_OF_RANGE);
    }

    @Test
    void aListThatCannotBeFetchedOrIsSignedBySomeoneElseIsInconclusive() throws Exception {
        assertThat(verify(1, "revocation").check(CheckId.STATUS).reason()).isEqualTo(Reason.STATUS_NOT_CHECKABLE);

        ObjectNode list = listCredential("revocation", encode(gzip(new byte[BitstringStatusList.MIN_BYTES])));
        server.text("/status/1", "application/vc+jwt", TestIssuer.es256().sign(list));
        assertThat(verify(1, "revocation").check(CheckId.STATUS).reason()).isEqualTo(Reason.STATUS_LIST_INVALID);
    }

    private VerificationReport verify(long index, String purpose) {
        DutchCredentials credential = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer);
        ObjectNode payload = credential.payload();
        ObjectNode vc = payload.has("vc") ? (ObjectNode) payload.get("vc") : payload;
        vc.putObject("credentialStatus").put("id", server.url("/status/1#" + index))
                .put("type", "BitstringStatusListEntry").put("statusPurpose", purpose)
                .put("statusListIndex", Long.toString(index)).put("statusListCredential", server.url("/status/1"));
        String token = issuer.sign(payload);
        VerificationContext context = new VerificationContext(
                new TrustList(Collections.singletonList(new TrustEntry(issuer.did(), "Issuer", "test", NOW))),
                RecipientIdentities.none(), Clock.fixed(NOW, ZoneOffset.UTC));
        return online.verify(CredentialReader.read(token.getBytes(StandardCharsets.UTF_8)), context).report();
    }

    private void publishList(String purpose, String encodedList) {
        server.text("/status/1", "application/vc+jwt", issuer.sign(listCredential(purpose, encodedList)));
    }

    private ObjectNode listCredential(String purpose, String encodedList) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.put("iss", issuer.did());
        ObjectNode vc = payload.putObject("vc");
        vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.put("issuer", issuer.did());
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.putObject("credentialSubject").put("id", server.url("/status/1#list")).put("type", "BitstringStatusList")
                .put("statusPurpose", purpose).put("encodedList", encodedList);
        return payload;
    }

    private static byte[] gzip(byte[] bits) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        }
        return out.toByteArray();
    }

    private static String encode(byte[] compressed) {
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed);
    }
}
