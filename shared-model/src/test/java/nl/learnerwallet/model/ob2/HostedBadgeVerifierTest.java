package nl.learnerwallet.model.ob2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.EdubadgesIssuer;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OB 2.0 hosted and signed badges verified over real HTTP against a loopback issuer. */
class HostedBadgeVerifierTest {

    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final String EMAIL = "s.devries@student.example.nl";
    static final String EDUID = "3f6b0a4e-9c1d-4f7a-b2e5-8d0c6a1f9e27";

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final EdubadgesIssuer issuer = new EdubadgesIssuer(server.base()).publish(server);
    private final CredentialVerifier online = new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(true));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void verifiesAHostedEdubadgesMicrocredentialAndFillsTheCard() {
        ObjectNode assertion = issuer.assertion("A1", EMAIL);
        issuer.publish(server, assertion);

        CredentialVerifier.Verified verified = online.verify(CredentialReader.read(utf8(assertion.toString())), trusting());

        assertThat(verified.format()).isEqualTo(CredentialFormat.OB2_HOSTED);
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(verified.card().level().eqf()).isEqualTo(6);
        assertThat(verified.card().studyLoad()).isEqualTo(StudyLoad.ects(5));
        assertThat(verified.card().learningOutcomes()).hasSize(1);
        assertThat(verified.card().issuerCountry()).isEqualTo("NL");
        assertThat(verified.card().language()).isEqualTo("nl");
        assertThat(verified.resolved().path("badge").path("name").asText()).isEqualTo("Data-analyse met Python");
    }

    @Test
    void matchesAnEduIdRecipientHashAsEdubadgesWritesIt() {
        // The real edubadges example: sha256(eduid + salt).
        ObjectNode assertion = (ObjectNode) nl.learnerwallet.model.json.StrictJson.parse(
                SharedTestData.bytes("edubadges/assertion-microcredential.json"));
        RecipientIdentities eduId = new RecipientIdentities(Collections.<String>emptyList(),
                Collections.<String>emptyList(), Collections.singletonList(EDUID));

        assertThat(Ob2Checks.recipient(assertion.path("recipient"), eduId).reason()).isEqualTo(Reason.OK);
        RecipientIdentities otherEduId = new RecipientIdentities(Collections.<String>emptyList(),
                Collections.<String>emptyList(), Collections.singletonList("someone-else"));
        assertThat(Ob2Checks.recipient(assertion.path("recipient"), otherEduId).outcome())
                .isEqualTo(nl.learnerwallet.model.verify.Outcome.FAILED);
        assertThat(Ob2Checks.recipient(assertion.path("recipient"), RecipientIdentities.none()).outcome())
                .isEqualTo(nl.learnerwallet.model.verify.Outcome.INCONCLUSIVE);
    }

    @Test
    void matchesMd5PlainAndUrlRecipients() {
        ObjectNode md5 = nl.learnerwallet.model.json.StrictJson.mapper().createObjectNode()
                .put("type", "email").put("hashed", true).put("salt", "s")
                .put("identity", nl.learnerwallet.model.verify.IdentityHash.of("md5", EMAIL, "s"));
        ObjectNode plain = nl.learnerwallet.model.json.StrictJson.mapper().createObjectNode()
                .put("type", "url").put("hashed", false).put("identity", "https://me.example/sanne");
        RecipientIdentities me = new RecipientIdentities(Collections.<String>emptyList(), Collections.singletonList(EMAIL),
                Collections.<String>emptyList(), Collections.singletonList("https://me.example/sanne"));

        assertThat(Ob2Checks.recipient(md5, me).reason()).isEqualTo(Reason.OK);
        assertThat(Ob2Checks.recipient(plain, me).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void anotherPersonsBadgeIsNotRecipient() {
        issuer.publish(server, issuer.assertion("A2", "someone.else@student.example.nl"));

        CredentialVerifier.Verified verified = online.verify(read(issuer.assertionUrl("A2")), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
        assertThat(verified.report().check(CheckId.RECIPIENT).reason()).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
        assertThat(verified.report().check(CheckId.RECIPIENT).detail()).contains("wallet identity add");
    }

    @Test
    void a404MeansTheIssuerNoLongerPublishesIt() {
        ObjectNode local = issuer.assertion("deleted", EMAIL);

        CredentialVerifier.Verified verified = online.verify(CredentialReader.read(utf8(local.toString())), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(verified.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.NO_LONGER_PUBLISHED);
        assertThat(verified.card().title()).startsWith("Open Badge");
    }

    @Test
    void a410IsRevoked() {
        server.status(EdubadgesIssuer.path(issuer.assertionUrl("gone")), 410);

        CredentialVerifier.Verified verified = online.verify(
                CredentialReader.read(utf8(issuer.assertion("gone", EMAIL).toString())), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void revokedTrueIsRevoked() {
        server.json(EdubadgesIssuer.path(issuer.assertionUrl("R")), "{\"@context\":\"https://w3id.org/openbadges/v2\","
                + "\"type\":\"Assertion\",\"id\":\"" + issuer.assertionUrl("R") + "\",\"revoked\":true,"
                + "\"revocationReason\":\"Onterecht uitgereikt\"}");

        CredentialVerifier.Verified verified = online.verify(
                CredentialReader.read(utf8(issuer.assertion("R", EMAIL).toString())), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(verified.report().check(CheckId.STATUS).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void anAssertionHostedOutsideTheIssuersScopeFails() {
        try (LoopbackIssuer elsewhere = LoopbackIssuer.http()) {
            EdubadgesIssuer impostor = new EdubadgesIssuer(elsewhere.base());
            // Hosted on another origin, but naming the real issuer's badge class.
            ObjectNode assertion = impostor.assertion("X", "email",
                    EdubadgesIssuer.sha256(EMAIL + EdubadgesIssuer.SALT), issuer.badgeId());
            impostor.publish(elsewhere, assertion);

            CredentialVerifier.Verified verified = online.verify(read(assertion.path("id").asText()), trusting());

            assertThat(verified.report().status()).isEqualTo(VerificationStatus.TAMPERED);
            assertThat(verified.report().check(CheckId.ISSUER_KEY).reason()).isEqualTo(Reason.HOSTED_ID_OUTSIDE_SCOPE);
        }
    }

    @Test
    void theHostedCopyWinsOverALocalCopyThatDiffers() {
        ObjectNode hosted = issuer.assertion("D", EMAIL);
        issuer.publish(server, hosted);
        ObjectNode local = hosted.deepCopy();
        local.put("expires", "2099-01-01T00:00:00+00:00");

        CredentialVerifier.Verified verified = online.verify(CredentialReader.read(utf8(local.toString())), trusting());

        assertThat(verified.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.HOSTED_COPY_DIFFERS);
        assertThat(verified.card().expiresOn()).isEqualTo(Instant.parse("2031-06-09T22:00:00Z"));
        assertThat(verified.resolved().path("assertion")).isEqualTo(hosted);
    }

    @Test
    void anUnreachableIssuerLeavesItUnverifiable() {
        ObjectNode local = new EdubadgesIssuer("http://127.0.0.1:1").assertion("U", EMAIL);

        CredentialVerifier.Verified verified = online.verify(CredentialReader.read(utf8(local.toString())), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(verified.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.ISSUER_UNREACHABLE);
    }

    @Test
    void anExpiredBadgeIsExpired() {
        issuer.publish(server, issuer.assertion("E", EMAIL));
        VerificationContext later = new VerificationContext(trustList(), learner(),
                Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC));

        assertThat(online.verify(read(issuer.assertionUrl("E")), later).report().status()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    void bakedPngAndSvgBadgesAreVerifiedAgainstTheirHostedCopy() {
        ObjectNode assertion = issuer.assertion("B", EMAIL);
        issuer.publish(server, assertion);

        ReadCredential png = CredentialReader.read(BadgeBaker.png(assertion.toString()));
        ReadCredential svg = CredentialReader.read(utf8(BadgeBaker.svg(assertion.toString(), issuer.assertionUrl("B"))));

        assertThat(png.baked()).isTrue();
        assertThat(online.verify(png, trusting()).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(online.verify(svg, trusting()).report().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void theRealBakedBadgesAreReadOfflineAndAreUnverifiable() {
        CredentialVerifier publicOnly = new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(false));
        for (String file : new String[] {"introduction_to_political_science_edubadge.png", "baked_svg_edubadge.svg",
                "test-issuer-software-developer-2021-10-08.png", "test_badge_interoperability.png"}) {
            ReadCredential read = CredentialReader.read(SharedTestData.bytes("edubadges/baked/" + file));
            assertThat(read.format()).isEqualTo(CredentialFormat.OB2_HOSTED);
            CredentialVerifier.Verified offline = new CredentialVerifier(IssuerKeys.offline()).verify(read, nobody());
            // One Badgr badge has expired since; the rest cannot be checked without their issuer.
            assertThat(offline.report().status()).as(file).isIn(VerificationStatus.UNVERIFIABLE, VerificationStatus.EXPIRED);
            assertThat(offline.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.NOT_CHECKED_OFFLINE);
            assertThat(offline.card()).isNotNull();
            if (file.startsWith("baked_svg") || file.startsWith("introduction")) {
                // localhost:8000, refused as a loopback address when fetching is guarded
                CredentialVerifier.Verified guarded = publicOnly.verify(read, nobody());
                assertThat(guarded.report().status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
                assertThat(guarded.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.FETCH_REFUSED);
                assertThat(guarded.card().learningOutcomes()).isEmpty();
            }
        }
    }

    @Test
    void mapsTheEdubadgesExampleFiles() {
        Ob2Documents documents = new Ob2Documents(json("assertion-microcredential.json"),
                json("badgeclass-microcredential.ui-expanded.json"), json("issuer.json"));
        nl.learnerwallet.model.card.CredentialCard card = Ob2CardMapper.map(documents);

        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.level().eqf()).isEqualTo(6);
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(5));
        assertThat(card.awardingBody()).isEqualTo("Academie Data & AI (Hogeschool Voorbeeld)");
        assertThat(card.participationForm()).isEqualTo("blended");
        assertThat(card.qualityAssurance()).startsWith("Kwaliteitskader");
        assertThat(card.expiresOn()).isEqualTo(Instant.parse("2031-06-09T22:00:00Z"));

        assertThat(Ob2CardMapper.map(new Ob2Documents(json("assertion-regular.json"), json("badgeclass-regular.json"),
                json("issuer.json"))).kind()).isEqualTo(CredentialKind.REGULAR_BADGE);
        nl.learnerwallet.model.card.CredentialCard extra = Ob2CardMapper.map(new Ob2Documents(json("assertion-regular.json"),
                json("badgeclass-extracurricular.json"), json("issuer.json")));
        assertThat(extra.studyLoad()).isEqualTo(StudyLoad.hours(40));
        assertThat(Ob2CardMapper.map(new Ob2Documents(json("assertion-microcredential.json"),
                issuerMbo(), json("issuer.json"))).studyLoad()).isEqualTo(StudyLoad.sbu(240));
    }

    @Test
    void verifiesASignedBadgeWithTheKeyFromTheIssuerProfile() {
        String token = issuer.signed(issuer.assertion("S", EMAIL));

        ReadCredential read = CredentialReader.read(utf8(token));
        CredentialVerifier.Verified verified = online.verify(read, trusting());

        assertThat(read.format()).isEqualTo(CredentialFormat.OB2_SIGNED);
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().level().eqf()).isEqualTo(6);
    }

    @Test
    void refusesASignedBadgeByAKeyTheIssuerDoesNotPublish() {
        CredentialVerifier.Verified verified = online.verify(
                CredentialReader.read(utf8(issuer.signedByStranger(issuer.assertion("S2", EMAIL)))), trusting());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(verified.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignedBadgeOnTheIssuersRevocationListIsRevoked() {
        String token = issuer.signed(issuer.assertion("S3", EMAIL));
        String id = SignedBadgeVerifier.payload(token).path("id").asText();
        server.json(EdubadgesIssuer.path(issuer.revocationListUrl()), issuer.revocationList(id).toString());

        assertThat(online.verify(CredentialReader.read(utf8(token)), trusting()).report().status())
                .isEqualTo(VerificationStatus.REVOKED);
    }

    private ObjectNode issuerMbo() {
        return issuer.mboMicrocredential();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String file) {
        return nl.learnerwallet.model.json.StrictJson.parse(SharedTestData.bytes("edubadges/" + file));
    }

    private static ReadCredential read(String url) {
        return new ReadCredential(CredentialFormat.OB2_HOSTED, url);
    }

    private VerificationContext trusting() {
        return new VerificationContext(trustList(), learner(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A wallet with no identities yet: recipients cannot be decided. */
    private VerificationContext nobody() {
        return new VerificationContext(trustList(), RecipientIdentities.none(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private TrustList trustList() {
        return new TrustList(Arrays.asList(new TrustEntry(issuer.issuerId(), "Hogeschool Voorbeeld", "test", NOW)));
    }

    private static RecipientIdentities learner() {
        return new RecipientIdentities(Collections.<String>emptyList(), Collections.singletonList(EMAIL),
                Collections.singletonList(EDUID));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
