package nl.learnerwallet.model.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An SD-JWT VC of an HTTPS issuer, verified online against a real loopback server: the key from
 * its JWT VC issuer metadata, and its status from a Token Status List it publishes.
 */
class SdJwtOnlineTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    private final LoopbackIssuer server = LoopbackIssuer.https();
    private final TestIssuer key = TestIssuer.es256();
    private final TestIssuer holder = TestIssuer.es256();
    private String issuer;
    private CredentialVerifier verifier;

    @BeforeEach
    void publish() {
        issuer = server.url("/hogeschool");
        ObjectNode metadata = StrictJson.mapper().createObjectNode();
        metadata.put("issuer", issuer);
        ObjectNode jwk = StrictJson.mapper().valueToTree(key.publicJwk().toJSONObject());
        jwk.put("kid", "signing-2027");
        metadata.putObject("jwks").putArray("keys").add(jwk);
        server.json(JwtVcIssuerMetadataResolver.metadataUrl(issuer).substring(server.base().length()), metadata.toString());
        verifier = new CredentialVerifier(IssuerKeys.offline(), new GuardedFetcher(FetchConfig.defaults()
                .withAllowPrivateNetworks(true).withTls(server.clientSocketFactory(), server.trustManager())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private VerificationReport verify(int index) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("idx", index);
        list.put("uri", server.url("/status/1"));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status_list", list);
        String credential = new SdJwtIssuer(key).euLearningCredential(holder.publicJwk()).visible("iss", issuer)
                .kid("signing-2027").visible("status", status).issue();
        TrustList trust = TrustList.empty().with(new TrustEntry(issuer, "Hogeschool Utrecht", "test", NOW));
        VerificationContext context = new VerificationContext(trust, RecipientIdentities.none(), Clock.fixed(NOW, ZoneOffset.UTC));
        return verifier.verify(CredentialReader.read(credential.getBytes(StandardCharsets.US_ASCII)), context).report();
    }

    /** One status byte per credential (bits 8): index 3 is revoked (1), index 5 suspended (2). */
    private void publishStatusList() throws Exception {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
            out.write(new byte[] {0, 0, 0, 1, 0, 2, 0, 0});
        }
        ObjectNode token = StrictJson.mapper().createObjectNode();
        token.put("sub", server.url("/status/1"));
        token.put("iss", issuer);
        token.put("iat", NOW.minus(Duration.ofHours(1)).getEpochSecond());
        token.put("exp", NOW.plus(Duration.ofDays(1)).getEpochSecond());
        token.putObject("status_list").put("bits", 8)
                .put("lst", Base64.getUrlEncoder().withoutPadding().encodeToString(zlib.toByteArray()));
        JWSHeader header = new JWSHeader.Builder(key.algorithm()).type(new JOSEObjectType("statuslist+jwt"))
                .keyID("signing-2027").build();
        server.text("/status/1", "application/statuslist+jwt", key.sign(header, token.toString()));
    }

    @Test
    void theKeyComesFromTheIssuersMetadataAndTheStatusFromItsList() throws Exception {
        publishStatusList();

        VerificationReport valid = verify(0);
        VerificationReport revoked = verify(3);
        VerificationReport suspended = verify(5);

        assertThat(valid.status()).as(valid.checks().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(valid.check(CheckId.ISSUER_KEY).detail()).contains("signing-2027");
        assertThat(revoked.status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(suspended.check(CheckId.STATUS).reason()).isEqualTo(Reason.SUSPENDED);
    }

    @Test
    void aStatusListThatCannotBeFetchedIsInconclusive() {
        VerificationReport report = verify(0);

        assertThat(report.check(CheckId.SIGNATURE).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.check(CheckId.STATUS).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
    }
}
