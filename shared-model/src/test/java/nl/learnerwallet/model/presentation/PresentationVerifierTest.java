package nl.learnerwallet.model.presentation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class PresentationVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TestIssuer issuer = TestIssuer.es256();
    private final TestIssuer holder = TestIssuer.es256();
    private final TrustList trust = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "test", null));
    private final PresentationVerifier verifier = new PresentationVerifier(IssuerKeys.offline(),
            new CredentialVerifier(IssuerKeys.offline()));
    private final PresentationVerifier.Expectation forShare =
            new PresentationVerifier.Expectation("https://wallet.example/api/v1/shares/abc", "n0nce", Duration.ofMinutes(5));

    private String credential(Shape shape) {
        return DutchCredentials.of(shape, issuer).toHolder(holder.did()).signed();
    }

    private String presentation(TestIssuer signer, String holderDid, String audience, String nonce, Instant issuedAt,
            List<String> credentials) {
        ObjectNode payload = JSON.createObjectNode();
        payload.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("holder", holderDid);
        payload.put("iss", holderDid);
        payload.put("aud", audience);
        payload.put("nonce", nonce);
        payload.put("iat", issuedAt.getEpochSecond());
        ArrayNode entries = payload.putArray("verifiableCredential");
        for (String credential : credentials) {
            entries.addObject().put("id", credential.startsWith("data:") ? credential : "data:application/vc+jwt," + credential)
                    .put("type", "EnvelopedVerifiableCredential");
        }
        return signer.sign(signer.header().type(new JOSEObjectType("vp+jwt")).build(), payload);
    }

    private String valid(List<String> credentials) {
        return presentation(holder, holder.did(), forShare.audience(), forShare.nonce(), NOW, credentials);
    }

    @Test
    void verifiesTheHolderAndEveryCredential() {
        PresentationReport report = verifier.verify(valid(Arrays.asList(credential(Shape.HBO_MICROCREDENTIAL),
                credential(Shape.DIPLOMA))), forShare, trust, CLOCK);
        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.holder()).isEqualTo(holder.did());
        assertThat(report.credentials()).hasSize(2);
        assertThat(report.credentials().get(0).report().check(CheckId.HOLDER_BINDING).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void aCredentialIssuedToSomeoneElseIsNotTheHolders() {
        String otherPersons = DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(TestIssuer.es256().did()).signed();
        PresentationReport report = verifier.verify(valid(List.of(otherPersons)), forShare, trust, CLOCK);
        assertThat(report.credentials().get(0).report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
    }

    @Test
    void refusesAPresentationSignedByAnotherKeyThanItsHolders() {
        TestIssuer intruder = TestIssuer.es256();
        String forged = presentation(intruder, holder.did(), forShare.audience(), forShare.nonce(), NOW,
                List.of(credential(Shape.REGULAR_BADGE)));
        PresentationReport report = verifier.verify(forged, forShare, trust, CLOCK);
        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(report.holderBinding().reason()).isIn(Reason.BAD_SIGNATURE, Reason.KID_NOT_ISSUERS);
    }

    @Test
    void refusesOneMadeForAnotherAudienceOrNonceOrLongAgo() {
        List<String> credentials = List.of(credential(Shape.REGULAR_BADGE));
        assertThat(verifier.verify(presentation(holder, holder.did(), "https://elsewhere.example", forShare.nonce(), NOW,
                credentials), forShare, trust, CLOCK).holderBinding().reason()).isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(verifier.verify(presentation(holder, holder.did(), forShare.audience(), "other", NOW, credentials),
                forShare, trust, CLOCK).holderBinding().reason()).isEqualTo(Reason.WRONG_NONCE);
        assertThat(verifier.verify(presentation(holder, holder.did(), forShare.audience(), forShare.nonce(),
                NOW.minus(Duration.ofHours(1)), credentials), forShare, trust, CLOCK).holderBinding().reason())
                .isEqualTo(Reason.STALE);
        // Viewed days later, the age is no longer judged: it was judged when the share was made.
        assertThat(verifier.verify(presentation(holder, holder.did(), forShare.audience(), forShare.nonce(),
                NOW.minus(Duration.ofDays(3)), credentials), new PresentationVerifier.Expectation(forShare.audience(),
                forShare.nonce(), null), trust, CLOCK).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aTamperedCredentialIsNamedAndTheOthersStillVerify() {
        String[] parts = credential(Shape.WO_MICROCREDENTIAL).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("6.0", "60.0");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        PresentationReport report = verifier.verify(valid(Arrays.asList(credential(Shape.REGULAR_BADGE), tampered)),
                forShare, trust, CLOCK);
        assertThat(report.credentials().get(0).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.credentials().get(1).report().status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
    }

    @Test
    void anUnreadableEntryIsMalformedWithoutStoppingTheRest() {
        PresentationReport report = verifier.verify(valid(Arrays.asList("data:text/html,<script>alert(1)</script>",
                credential(Shape.REGULAR_BADGE))), forShare, trust, CLOCK);
        assertThat(report.credentials().get(0).report().status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(report.credentials().get(1).report().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aCredentialOfferedAsAPresentationIsRefused() {
        PresentationReport report = verifier.verify(credential(Shape.REGULAR_BADGE), forShare, trust, CLOCK);
        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(report.holderBinding().reason()).isEqualTo(Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void garbageIsMalformed() {
        assertThat(verifier.verify("not a presentation", forShare, trust, CLOCK).status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(verifier.verify("eyJhbGciOiJub25lIiwidHlwIjoidnArand0In0.e30.", forShare, trust, CLOCK).status())
                .isIn(VerificationStatus.MALFORMED, VerificationStatus.TAMPERED);
    }

    @Test
    void aSelfDeclaredEntryStaysSelfDeclaredUnderTheHoldersSignature() {
        byte[] entry = SelfDeclaredEntry.ofDiploma("p4x8c1n6tz", NOW, SelfDeclaredEntry.Diploma.of("Hogeschool Utrecht",
                "HBO-ICT", "CROHO 34479", 6, "6", LocalDate.of(2024, 7, 5), null)).toJson();
        String dataUrl = EnvelopedCredential.dataUrl(CredentialFormat.SELF_DECLARED, entry);
        assertThat(dataUrl).startsWith("data:application/vnd.learnerwallet.self-declared+json;base64,");

        PresentationReport report = verifier.verify(valid(Arrays.asList(dataUrl, credential(Shape.REGULAR_BADGE))), forShare,
                trust, CLOCK);

        PresentedCredential declared = report.credentials().get(0);
        assertThat(declared.format()).isEqualTo(CredentialFormat.SELF_DECLARED);
        assertThat(declared.report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(declared.report().check(CheckId.HOLDER_BINDING).reason()).isEqualTo(Reason.OK);
        assertThat(declared.card().selfDeclared()).isTrue();
        assertThat(declared.card().programmeCode()).isEqualTo("CROHO 34479");
        assertThat(report.credentials().get(1).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.status()).isEqualTo(VerificationStatus.SELF_DECLARED);

        TestIssuer stranger = TestIssuer.es256();
        PresentationReport forged = verifier.verify(presentation(stranger, holder.did(), forShare.audience(), forShare.nonce(),
                NOW, Arrays.asList(dataUrl)), forShare, trust, CLOCK);
        assertThat(forged.status()).isEqualTo(VerificationStatus.TAMPERED);
    }

    @Test
    void envelopesRoundTripEachFormatsMediaType() {
        String token = credential(Shape.REGULAR_BADGE);
        assertThat(new String(EnvelopedCredential.decode(EnvelopedCredential.dataUrl(nl.learnerwallet.model.CredentialFormat.OB3_JWT,
                token.getBytes(StandardCharsets.US_ASCII))), StandardCharsets.US_ASCII)).isEqualTo(token);
        byte[] json = "{\"type\":\"Assertion\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(EnvelopedCredential.decode(EnvelopedCredential.dataUrl(nl.learnerwallet.model.CredentialFormat.OB2_HOSTED, json)))
                .isEqualTo(json);
    }
}
