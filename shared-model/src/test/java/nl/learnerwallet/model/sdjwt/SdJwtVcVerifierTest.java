package nl.learnerwallet.model.sdjwt;

import static nl.learnerwallet.model.sdjwt.SdJwtTokens.NOW;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.holderContext;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.keyBinding;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** SD-JWT VCs as issued and as presented: what verifies, and what each broken part comes out as. */
class SdJwtVcVerifierTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final TestIssuer HOLDER = TestIssuer.es256();
    private static final SdJwtVcVerifier VERIFIER = new SdJwtVcVerifier(IssuerKeys.offline(), new StatusCheck());
    private static final String AUDIENCE = "https://wallet.example/s/abc";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private static String issued() {
        return new SdJwtIssuer(ISSUER).euLearningCredential(HOLDER.publicJwk()).issue();
    }

    private static SdJwtVcVerifier.Result verifyIssued(String compact) {
        return VERIFIER.verify(compact, trusting(ISSUER.did()), KeyBindingRule.forbidden());
    }

    /** Presents the issued credential with only the named claims disclosed. */
    private static String present(String issued, String... claims) {
        SdJwt sdJwt = SdJwt.parse(issued);
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String disclosure : sdJwt.disclosures()) {
            String json = new String(java.util.Base64.getUrlDecoder().decode(disclosure), java.nio.charset.StandardCharsets.UTF_8);
            for (String claim : claims) {
                if (json.contains("\"" + claim + "\"")) {
                    kept.add(disclosure);
                }
            }
        }
        return SdJwt.of(sdJwt.issuerJwt(), kept, null).toString();
    }

    private static SdJwtVcVerifier.Result verifyPresented(String presentation, Duration maxAge) {
        return VERIFIER.verify(presentation, trusting(ISSUER.did()), KeyBindingRule.required(AUDIENCE, NONCE, maxAge));
    }

    private static Reason reason(VerificationReport report, CheckId check) {
        return report.check(check) == null ? null : report.check(check).reason();
    }

    @Test
    void anIssuedLearningCredentialVerifiesWithEveryClaimAndSaysWhichAreDisclosable() {
        SdJwtVcVerifier.Result result = verifyIssued(issued());

        assertThat(result.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.credential().claims().path("achievement_title").asText()).isEqualTo("Data Science Basics");
        assertThat(result.credential().claims().has("_sd")).isFalse();
        assertThat(result.credential().claims().has("_sd_alg")).isFalse();
        CredentialCard card = SdJwtCardMapper.map(result.credential());
        assertThat(card.title()).isEqualTo("Data Science Basics");
        assertThat(card.awardingBody()).isEqualTo("Hogeschool Utrecht");
        assertThat(card.learner()).isEqualTo("Sanne Jansen");
        assertThat(card.issuerCountry()).isEqualTo("NL");
        assertThat(card.grade()).isEqualTo("8.1");
        assertThat(card.issuedOn()).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(card.learningOutcomes()).hasSize(2);
        assertThat(card.disclosableClaims()).contains("given_name", "family_name", "assessment_grade", "achievement_title")
                .doesNotContain("iss", "vct", "cnf");
    }

    @Test
    void ourMicrocredentialTypeCarriesTheEuStandardElements() {
        String issued = new SdJwtIssuer(ISSUER).microcredential(HOLDER.publicJwk()).issue();

        SdJwtVcVerifier.Result result = verifyIssued(issued);

        assertThat(result.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        CredentialCard card = SdJwtCardMapper.map(result.credential());
        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(5));
        assertThat(card.level().eqf()).isEqualTo(6);
        assertThat(card.assessmentType()).isNotNull();
        assertThat(nl.learnerwallet.model.card.Completeness.missingMandatory(card)).isEmpty();
    }

    @Test
    void theOlderVcSdJwtTypeIsAccepted() {
        String issued = new SdJwtIssuer(ISSUER).euLearningCredential(HOLDER.publicJwk()).typ("vc+sd-jwt").issue();

        assertThat(verifyIssued(issued).report().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aPresentationShowsOnlyWhatWasDisclosedAndNamesWhatWasWithheld() {
        String partial = present(issued(), "achievement_title", "issuing_authority");
        String presentation = partial + keyBinding(HOLDER, partial, AUDIENCE, NONCE, NOW.minusSeconds(10));

        SdJwtVcVerifier.Result result = verifyPresented(presentation, Duration.ofMinutes(5));

        assertThat(result.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.report().check(CheckId.HOLDER_BINDING).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.credential().claims().has("achievement_title")).isTrue();
        assertThat(result.credential().claims().has("family_name")).isFalse();
        assertThat(result.credential().claims().has("assessment_grade")).isFalse();
        assertThat(SdJwtCardMapper.withheldClaims(result.credential()))
                .contains("family_name", "given_name", "assessment_grade").doesNotContain("achievement_title");
        assertThat(result.keyBinding().audience()).isEqualTo(AUDIENCE);
    }

    @Test
    void aKeyBindingIsNotJudgedStaleWhenViewedLater() {
        String partial = present(issued(), "achievement_title");
        String presentation = partial + keyBinding(HOLDER, partial, AUDIENCE, NONCE, NOW.minus(Duration.ofDays(20)));

        assertThat(verifyPresented(presentation, null).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(reason(verifyPresented(presentation, Duration.ofMinutes(5)).report(), CheckId.HOLDER_BINDING))
                .isEqualTo(Reason.STALE);
    }

    @Test
    void theIssuedCredentialIsBoundToThisWalletsHolderKey() {
        SdJwtVcVerifier.Result mine = VERIFIER.verify(issued(), holderContext(ISSUER.did(), HOLDER.did()), KeyBindingRule.forbidden());
        SdJwtVcVerifier.Result someoneElses = VERIFIER.verify(issued(),
                holderContext(ISSUER.did(), TestIssuer.es256().did()), KeyBindingRule.forbidden());

        assertThat(mine.report().check(CheckId.RECIPIENT).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(reason(someoneElses.report(), CheckId.RECIPIENT)).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
    }

    @Test
    void anUntrustedIssuerAndAnExpiredCredentialAreSaidSo() {
        String expired = new SdJwtIssuer(ISSUER).euLearningCredential(HOLDER.publicJwk())
                .expires(NOW.minusSeconds(60)).issue();

        assertThat(VERIFIER.verify(issued(), trusting(TestIssuer.es256().did()), KeyBindingRule.forbidden()).report().status())
                .isEqualTo(VerificationStatus.UNKNOWN_ISSUER);
        assertThat(verifyIssued(expired).report().status()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    void aStatusListEntryIsInconclusiveOffline() {
        java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
        java.util.Map<String, Object> list = new java.util.LinkedHashMap<>();
        list.put("idx", 12);
        list.put("uri", "https://issuer.example/status/1");
        entry.put("status_list", list);
        String issued = new SdJwtIssuer(ISSUER).euLearningCredential(HOLDER.publicJwk()).visible("status", entry).issue();

        SdJwtVcVerifier.Result result = verifyIssued(issued);

        assertThat(result.report().check(CheckId.STATUS).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(result.report().status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
    }

    @Test
    void theCredentialReaderAndVerifierTakeSdJwtsAndRefuseAPresentationForImport() {
        String issued = issued();
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW);
        CredentialVerifier verifier = new CredentialVerifier(IssuerKeys.offline());

        ReadCredential read = CredentialReader.read(issued.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ReadCredential readPresentation = CredentialReader.read(presentation.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(read.format()).isEqualTo(CredentialFormat.SD_JWT_VC);
        assertThat(verifier.verify(read, trusting(ISSUER.did())).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        VerificationReport refused = verifier.verify(readPresentation, trusting(ISSUER.did())).report();
        assertThat(refused.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(refused, CheckId.FORMAT)).isEqualTo(Reason.KEY_BINDING_NOT_EXPECTED);
    }

    @Test
    void aTamperedSignatureIsTampered() {
        String issued = issued();
        int dot = issued.lastIndexOf('.', issued.indexOf('~'));
        char flipped = issued.charAt(dot + 5) == 'A' ? 'B' : 'A';
        String tampered = issued.substring(0, dot + 5) + flipped + issued.substring(dot + 6);

        assertThat(verifyIssued(tampered).report().status()).isEqualTo(VerificationStatus.TAMPERED);
    }
}
