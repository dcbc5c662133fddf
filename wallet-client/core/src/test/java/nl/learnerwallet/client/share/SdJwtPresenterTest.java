package nl.learnerwallet.client.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.SdJwtJs;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selective presentation of SD-JWT VCs from a real wallet, checked by our verifier and by an
 * independent one (OpenWallet Foundation sd-jwt-js, run with Node), and credentials issued by
 * sd-jwt-js imported and presented.
 */
class SdJwtPresenterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final String AUDIENCE = "https://werkgever.example/sollicitatie/42";
    private static final String NONCE = "p4Xq1mZ8Wn0";

    @TempDir
    Path home;

    private final TestIssuer issuer = TestIssuer.es256();
    private final WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            IssuerKeys.offline());
    private TrustList trusted;
    private Wallet wallet;

    @BeforeEach
    void createWallet() throws Exception {
        wallet = Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve("w.db"))),
                "correct horse battery".toCharArray(), context).wallet();
        trusted = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Rotterdam", "test", NOW));
    }

    @AfterEach
    void closeWallet() {
        wallet.close();
    }

    private JWK holderJwk() throws java.text.ParseException {
        String did = wallet.holderKey().did();
        return JWK.parse(new String(Base64.getUrlDecoder().decode(did.substring("did:jwk:".length())), StandardCharsets.UTF_8));
    }

    private String importMicrocredential() throws Exception {
        String issued = new SdJwtIssuer(issuer).microcredential(holderJwk()).issue();
        ImportResult result = wallet.importCredential(issued.getBytes(StandardCharsets.US_ASCII), trusted);
        assertThat(result.credential().format()).isEqualTo(CredentialFormat.SD_JWT_VC);
        assertThat(result.credential().report().status()).isEqualTo(VerificationStatus.VERIFIED);
        return new String(wallet.presentable(result.credential()), StandardCharsets.US_ASCII);
    }

    private String present(String stored, String... claims) {
        return SdJwtPresenter.present(stored, Arrays.asList(claims), wallet.holderKey(), AUDIENCE, NONCE, NOW, null);
    }

    private PresentationReport verifyOurs(String presentation, Duration maxAge) {
        PresentationVerifier verifier = new PresentationVerifier(IssuerKeys.offline(), new CredentialVerifier(IssuerKeys.offline()));
        return verifier.verifySdJwt(presentation, new PresentationVerifier.Expectation(AUDIENCE, NONCE, maxAge), trusted,
                Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));
    }

    private ObjectNode sdJwtJsVerifyRequest(String presentation) {
        ObjectNode request = JSON.createObjectNode();
        request.put("presentation", presentation);
        request.set("issuerPublicJwk", JSON.valueToTree(issuer.publicJwk().toJSONObject()));
        request.put("requireKeyBinding", true);
        request.put("aud", AUDIENCE);
        request.put("nonce", NONCE);
        request.put("currentDate", NOW.getEpochSecond() + 30);
        return request;
    }

    @Test
    void onlyTheChosenClaimsAreShownAndTheRestAreNamedWithheld() throws Exception {
        String presentation = present(importMicrocredential(), "achievement_title", "level", "issuing_authority");

        PresentationReport report = verifyOurs(presentation, Duration.ofMinutes(5));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.holder()).isEqualTo(wallet.holderKey().did());
        assertThat(report.credentials().get(0).card().title()).isEqualTo("Circulaire bouwtechniek");
        assertThat(report.credentials().get(0).card().level().eqf()).isEqualTo(6);
        assertThat(report.credentials().get(0).card().grade()).isNull();
        assertThat(report.credentials().get(0).card().learner()).isNull();
        assertThat(report.credentials().get(0).withheldClaims())
                .contains("given_name", "family_name", "assessment_grade").doesNotContain("achievement_title", "level");
    }

    @Test
    void aNestedNameDisclosesTheObjectItSitsIn() throws Exception {
        String presentation = present(importMicrocredential(), "level.eqf");

        assertThat(verifyOurs(presentation, null).credentials().get(0).card().level().eqf()).isEqualTo(6);
    }

    @Test
    void anUnknownClaimIsRefusedWithTheChoices() throws Exception {
        String stored = importMicrocredential();

        assertThatThrownBy(() -> present(stored, "date_of_birth"))
                .isInstanceOfSatisfying(SdJwtPresenter.PresentationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(SdJwtPresenter.PresentationException.Problem.UNKNOWN_CLAIM);
                    assertThat(e.choices()).contains("achievement_title", "assessment_grade");
                });
    }

    @Test
    void aCredentialBoundToAnotherKeyCannotBePresented() {
        String someoneElses = new SdJwtIssuer(issuer).euLearningCredential(TestIssuer.es256().publicJwk()).issue();

        assertThatThrownBy(() -> present(someoneElses, "achievement_title"))
                .isInstanceOfSatisfying(SdJwtPresenter.PresentationException.class,
                        e -> assertThat(e.problem()).isEqualTo(SdJwtPresenter.PresentationException.Problem.OTHER_HOLDER));
    }

    @Test
    void aStaleKeyBindingIsRefusedWhenAcceptedButNotWhenViewedLater() throws Exception {
        String presentation = SdJwtPresenter.present(importMicrocredential(), Collections.singletonList("achievement_title"),
                wallet.holderKey(), AUDIENCE, NONCE, NOW.minus(Duration.ofHours(1)), null);

        assertThat(verifyOurs(presentation, Duration.ofMinutes(5)).credentials().get(0).report()
                .check(CheckId.HOLDER_BINDING).reason()).isEqualTo(Reason.STALE);
        assertThat(verifyOurs(presentation, null).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void someoneElsesSdJwtWrappedInAnotherHoldersPresentationIsNotTheirs() throws Exception {
        String stolen = present(importMicrocredential(), "achievement_title");
        nl.learnerwallet.client.keys.HolderKey thief = nl.learnerwallet.client.keys.HolderKey.generate(new SecureRandom());
        String wrapped = Presentations.sign(thief, java.util.Collections.singletonList(new Presentations.Enveloped(
                CredentialFormat.SD_JWT_VC, stolen.getBytes(StandardCharsets.US_ASCII))), AUDIENCE, NONCE, NOW, null,
                java.util.Collections.<nl.learnerwallet.client.wallet.Identity>emptyList());
        PresentationVerifier verifier = new PresentationVerifier(IssuerKeys.offline(), new CredentialVerifier(IssuerKeys.offline()));

        PresentationReport report = verifier.verify(wrapped, PresentationVerifier.Expectation.none(), trusted,
                Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC));

        assertThat(report.holder()).isEqualTo(thief.did());
        assertThat(report.credentials().get(0).report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
    }

    @Test
    void sdJwtJsVerifiesOurPresentationWithItsKeyBinding() throws Exception {
        String presentation = present(importMicrocredential(), "achievement_title", "workload");

        JsonNode verdict = SdJwtJs.verify(sdJwtJsVerifyRequest(presentation));

        assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("payload").path("achievement_title").asText()).isEqualTo("Circulaire bouwtechniek");
        assertThat(verdict.path("payload").path("workload").path("ects").asInt()).isEqualTo(5);
        assertThat(verdict.path("payload").has("assessment_grade")).isFalse();
        assertThat(verdict.path("keyBinding").path("aud").asText()).isEqualTo(AUDIENCE);
    }

    @Test
    void sdJwtJsRefusesOurPresentationForAnotherNonce() throws Exception {
        ObjectNode request = sdJwtJsVerifyRequest(present(importMicrocredential(), "achievement_title"));
        request.put("nonce", "someone-elses-nonce");

        assertThat(SdJwtJs.verify(request).path("verified").asBoolean()).isFalse();
    }

    @Test
    void aLearningCredentialIssuedBySdJwtJsImportsVerifiesAndPresents() throws Exception {
        for (TestIssuer independent : Arrays.asList(TestIssuer.es256(), TestIssuer.ed25519())) {
            ObjectNode claims = JSON.createObjectNode();
            claims.put("iss", independent.did());
            claims.put("vct", "urn:eu.europa.ec.eudi:learning:credential:1");
            claims.put("iat", NOW.minus(Duration.ofDays(30)).getEpochSecond());
            claims.put("issuing_authority", "ROC Midden Nederland");
            claims.put("issuing_country", "NL");
            claims.put("date_of_issuance", "2027-01-30");
            claims.put("family_name", "Bakker");
            claims.put("given_name", "Noor");
            claims.put("achievement_title", "Veilig werken met elektriciteit");
            claims.putArray("learning_outcomes").add("Werkt volgens NEN 3140").add("Meldt onveilige situaties");
            claims.put("assessment_grade", "voldoende");
            claims.putObject("cnf").set("jwk", JSON.valueToTree(holderJwk().toJSONObject()));
            ObjectNode request = JSON.createObjectNode();
            request.set("issuerPrivateJwk", JSON.valueToTree(independent.privateJwk().toJSONObject()));
            request.put("kid", independent.keyId());
            request.set("claims", claims);
            ObjectNode frame = request.putObject("disclosureFrame");
            frame.putArray("_sd").add("family_name").add("given_name").add("assessment_grade").add("achievement_title")
                    .add("date_of_issuance");
            frame.putObject("learning_outcomes").putArray("_sd").add(0).add(1);
            String issued = SdJwtJs.issue(request);
            TrustList trust = TrustList.empty().with(new TrustEntry(independent.did(), "ROC Midden Nederland", "test", NOW));

            ImportResult imported = wallet.importCredential(issued.getBytes(StandardCharsets.US_ASCII), trust);

            assertThat(imported.credential().report().status()).as(independent.algorithm().getName())
                    .isEqualTo(VerificationStatus.VERIFIED);
            assertThat(imported.credential().card().title()).isEqualTo("Veilig werken met elektriciteit");
            assertThat(imported.credential().card().learningOutcomes()).hasSize(2);
            assertThat(imported.credential().card().disclosableClaims()).contains("family_name", "learning_outcomes[]");

            String presentation = SdJwtPresenter.present(new String(wallet.presentable(imported.credential()),
                    StandardCharsets.US_ASCII), List.of("achievement_title", "learning_outcomes"), wallet.holderKey(),
                    AUDIENCE, NONCE, NOW, null);
            ObjectNode verify = sdJwtJsVerifyRequest(presentation);
            verify.set("issuerPublicJwk", JSON.valueToTree(independent.publicJwk().toJSONObject()));
            JsonNode verdict = SdJwtJs.verify(verify);
            assertThat(verdict.path("verified").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.path("payload").path("learning_outcomes").size()).isEqualTo(2);
            assertThat(verdict.path("payload").has("family_name")).isFalse();
        }
    }

    @Test
    void aPresentationMadeBySdJwtJsVerifiesHere() throws Exception {
        String stored = importMicrocredential();
        ObjectNode request = JSON.createObjectNode();
        request.put("credential", stored);
        request.putObject("presentationFrame").put("achievement_title", true).put("issuing_authority", true);
        request.set("holderPrivateJwk", JSON.readTree(wallet.holderKey().toPrivateJwk()));
        request.put("aud", AUDIENCE);
        request.put("nonce", NONCE);
        request.put("iat", NOW.getEpochSecond());

        PresentationReport report = verifyOurs(SdJwtJs.present(request), Duration.ofMinutes(5));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.credentials().get(0).card().title()).isEqualTo("Circulaire bouwtechniek");
        assertThat(report.credentials().get(0).withheldClaims()).contains("assessment_grade", "given_name");
    }
}
