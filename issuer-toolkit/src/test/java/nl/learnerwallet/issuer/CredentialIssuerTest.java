package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.sdjwt.SdJwtVc;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issuing every kind in both formats, read back and verified by the wallet's own code (shared-model). */
class CredentialIssuerTest {

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private Organisation organisation;

    @BeforeEach
    void createOrganisation() {
        organisation = Organisation.create(folder.resolve("hu"), OrganisationSettings.named("Hogeschool Utrecht"),
                new SecureRandom());
    }

    /** What each kind looks like when an institution fills in everything it has. */
    private IssueRequest.Builder complete(AchievementKind kind, IssueFormat format) {
        IssueRequest.Builder request = IssueRequest.builder(kind).format(format).to(wallet.holder.did())
                .title("Data-analyse met Python " + kind.id()).description("Je analyseert data uit je werkpraktijk.");
        if (format == IssueFormat.SD_JWT) {
            // An SD-JWT names its learner by name; the holder key only binds it.
            request.givenName("Sanne").familyName("de Vries");
        }
        switch (kind) {
            case MICROCREDENTIAL:
                return hbo(request);
            case DIPLOMA:
                return request.title("Bachelor HBO-ICT").eqf(6).nlqf("6").studyLoad(StudyLoad.ects(240))
                        .programmeCode("CROHO 34479").grade("cum laude");
            default:
                return request.studyLoad(StudyLoad.hours(12)).eqf(5);
        }
    }

    private static IssueRequest.Builder hbo(IssueRequest.Builder request) {
        return request.addOutcome("Je analyseert een dataset met pandas.")
                .addOutcome("Je beoordeelt de kwaliteit van data.")
                .studyLoad(StudyLoad.ects(5)).eqf(6).nlqf("6")
                .assessment("Praktijkopdracht en eindportfolio").participation("blended, deeltijd")
                .qualityAssurance("NVAO-accreditatie; pilot microcredentials")
                .prerequisites("Geen").supervision("Gesurveilleerd, identiteit gecontroleerd").grade("8")
                .stackability("Stapelbaar binnen de minor Data Science").furtherInfo("https://hu.nl/microcredentials");
    }

    static Stream<Arguments> kindsAndFormats() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (AchievementKind kind : AchievementKind.values()) {
            for (IssueFormat format : IssueFormat.values()) {
                all.add(Arguments.of(kind, format));
            }
        }
        return all.build();
    }

    /**
     * The kind the wallet shows. Each VC-JWT as asked, but an exemption decision (OB 3.0 has no type
     * for it, and shared-model reads any achievement as a badge); SD-JWT VCs that are neither
     * microcredentials nor diplomas are EU Learning Credentials, which shared-model reads as microcredentials.
     */
    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("kindsAndFormats")
    void everyKindInEitherFormatVerifiesAndReadsBackAsIssued(AchievementKind kind, IssueFormat format) throws Exception {
        IssueRequest request = complete(kind, format).build();

        IssueResult issued = TheWallet.issuer().issue(organisation, request);

        CredentialVerifier.Verified verified = wallet.verifyOffline(TheWallet.read(issued.file()), organisation.issuerId());
        assertThat(verified.report().status()).as(verified.report().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.report().check(CheckId.RECIPIENT).reason()).isEqualTo(Reason.OK);
        CredentialCard card = verified.card();
        assertThat(card.kind()).isEqualTo(kind.intendedKind());
        assertThat(issued.shownAsOtherKind()).isFalse();
        assertThat(card.title()).isEqualTo(request.title());
        assertThat(card.level().eqf()).isEqualTo(request.eqf());
        assertThat(card.level().nlqf()).isEqualTo(request.nlqf());
        assertThat(card.studyLoad()).isEqualTo(request.studyLoad());
        assertThat(card.programmeCode()).isEqualTo(request.programmeCode());
        assertThat(card.awardingBody()).isEqualTo("Hogeschool Utrecht");
        assertThat(card.issuerCountry()).isEqualTo("NL");
        assertThat(card.issuedOn()).isEqualTo(format == IssueFormat.SD_JWT ? Instant.parse("2027-03-01T00:00:00Z") : TheWallet.NOW);
        assertThat(issued.card()).isEqualTo(card);
        assertThat(Files.readAllBytes(issued.file())).isEqualTo(TheWallet.bytes(issued.credential()));
        assertThat(issued.file()).hasFileName(issued.id().substring("urn:uuid:".length()) + (format == IssueFormat.SD_JWT ? ".sd-jwt" : ".jwt"));
    }

    static Stream<Arguments> dutchMicrocredentials() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (IssueFormat format : IssueFormat.values()) {
            all.add(Arguments.of("hbo, 5 EC at EQF 6", StudyLoad.ects(5), 6, format));
            all.add(Arguments.of("mbo, 240 SBU at EQF 4", StudyLoad.sbu(240), 4, format));
            all.add(Arguments.of("wo, 6 EC at EQF 7", StudyLoad.ects(6), 7, format));
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} as {3}")
    @MethodSource("dutchMicrocredentials")
    void everyEuStandardElementOfADutchMicrocredentialRoundTrips(String name, StudyLoad load, int eqf, IssueFormat format) {
        IssueRequest.Builder request = hbo(IssueRequest.builder(AchievementKind.MICROCREDENTIAL).format(format)
                .to(wallet.holder.did()).title(name).description("Een microcredential uit de landelijke pilot."))
                .studyLoad(load).eqf(eqf).nlqf(Integer.toString(eqf));
        if (format == IssueFormat.SD_JWT) {
            request.givenName("Sanne").familyName("de Vries");
        }

        IssueResult issued = TheWallet.issuer().issue(organisation, request.build());

        CredentialVerifier.Verified verified = wallet.verifyOffline(issued.credential(), organisation.issuerId());
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        CredentialCard card = verified.card();
        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.studyLoad()).isEqualTo(load);
        assertThat(card.level()).isEqualTo(new QualificationLevel(eqf, Integer.toString(eqf), null));
        assertThat(card.learningOutcomes()).containsExactly("Je analyseert een dataset met pandas.",
                "Je beoordeelt de kwaliteit van data.");
        assertThat(card.learner()).isEqualTo(format == IssueFormat.SD_JWT ? "Sanne de Vries" : wallet.holder.did());
        assertThat(card.assessmentType()).isEqualTo("Praktijkopdracht en eindportfolio");
        assertThat(card.participationForm()).isEqualTo("blended, deeltijd");
        assertThat(card.qualityAssurance()).isEqualTo("NVAO-accreditatie; pilot microcredentials");
        assertThat(card.prerequisites()).isEqualTo("Geen");
        assertThat(card.supervisionAndIdentityVerification()).isEqualTo("Gesurveilleerd, identiteit gecontroleerd");
        assertThat(card.grade()).isEqualTo("8");
        assertThat(card.integrationStackability()).isEqualTo("Stapelbaar binnen de minor Data Science");
        assertThat(card.furtherInformation()).isEqualTo("https://hu.nl/microcredentials");
        assertThat(Completeness.present(card)).containsAll(Arrays.asList(EuStandardElement.values()));
        assertThat(issued.missing()).isEmpty();
    }

    @Test
    void anEmailRecipientIsOnlyInTheCredentialAsASaltedHashThatTheLearnersWalletMatches() throws Exception {
        IssueResult issued = TheWallet.issuer().issue(organisation, complete(AchievementKind.BADGE, IssueFormat.VC_JWT)
                .to("S.deVries@Student.example.nl").build());

        assertThat(issued.credential()).doesNotContainIgnoringCase("devries");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(issued.credential().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContainIgnoringCase("student.example.nl");
        CredentialVerifier.Verified verified = wallet.verifyOffline(issued.credential(), organisation.issuerId());
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.report().check(CheckId.RECIPIENT).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void aMicrocredentialWithoutMandatoryEuElementsIsRefusedNamingThemAndNothingIsWritten() {
        IssueRequest request = IssueRequest.builder(AchievementKind.MICROCREDENTIAL).to(wallet.holder.did())
                .title("Circulaire bouwtechniek").studyLoad(StudyLoad.ects(3)).eqf(5)
                .addOutcome("Beoordeelt materialen op herbruikbaarheid").assessment("Portfolio").build();

        assertThatThrownBy(() -> TheWallet.issuer().issue(organisation, request))
                .isInstanceOfSatisfying(IssuerException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IssuerException.Problem.INCOMPLETE_MICROCREDENTIAL);
                    assertThat(e.arguments()).containsExactly("form-of-participation", "type-of-quality-assurance");
                });
        assertThat(organisation.directory().resolve("issued.json")).doesNotExist();
        assertThat(organisation.directory().resolve("issued")).doesNotExist();
    }

    @Test
    void allowIncompleteIssuesItAnywayAndSaysWhatIsMissing() {
        IssueRequest request = IssueRequest.builder(AchievementKind.MICROCREDENTIAL).format(IssueFormat.SD_JWT)
                .to(wallet.holder.did()).title("Circulaire bouwtechniek").allowIncomplete(true).build();

        IssueResult issued = TheWallet.issuer().issue(organisation, request);

        assertThat(issued.missing()).contains(EuStandardElement.LEARNER_IDENTIFICATION, EuStandardElement.LEVEL,
                EuStandardElement.NOTIONAL_WORKLOAD).doesNotContain(EuStandardElement.TITLE, EuStandardElement.AWARDING_BODY);
        assertThat(issued.file()).exists();
        assertThat(wallet.verifyOffline(issued.credential(), organisation.issuerId()).report().status())
                .isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aDiplomaDatedInTheFutureIsRefused() {
        IssueRequest request = complete(AchievementKind.DIPLOMA, IssueFormat.VC_JWT).date(LocalDate.of(2027, 3, 2)).build();

        assertThatThrownBy(() -> TheWallet.issuer().issue(organisation, request))
                .isInstanceOfSatisfying(IssuerException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IssuerException.Problem.FUTURE_DATE);
                    assertThat(e.arguments()).containsExactly("2027-03-02");
                });
        assertThat(organisation.directory().resolve("issued.json")).doesNotExist();
    }

    @Test
    void aDateInThePastIsTheDateOfIssueAndAValidityEndsAtTheEndOfItsLastDay() {
        IssueResult issued = TheWallet.issuer().issue(organisation, complete(AchievementKind.DIPLOMA, IssueFormat.VC_JWT)
                .date(LocalDate.of(2026, 7, 3)).validUntil(LocalDate.of(2031, 7, 3)).build());

        CredentialCard card = wallet.verifyOffline(issued.credential(), organisation.issuerId()).card();
        assertThat(card.issuedOn()).isEqualTo(Instant.parse("2026-07-02T22:00:00Z"));
        assertThat(card.expiresOn()).isEqualTo(Instant.parse("2031-07-03T21:59:59Z"));
    }

    @Test
    void aValidityThatEndsBeforeTheDateOfIssueIsRefused() {
        assertThatThrownBy(() -> TheWallet.issuer().issue(organisation, complete(AchievementKind.BADGE, IssueFormat.VC_JWT)
                .date(LocalDate.of(2026, 7, 3)).validUntil(LocalDate.of(2026, 7, 2)).build()))
                .isInstanceOfSatisfying(IssuerException.class,
                        e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_VALIDITY));
        assertThatThrownBy(() -> IssueRequest.parseDate("date", "2026-02-30"))
                .isInstanceOfSatisfying(IssuerException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_DATE);
                    assertThat(e.arguments()).containsExactly("date", "2026-02-30");
                });
    }

    @Test
    void anSdJwtIsBoundToTheHoldersKeySoItNeedsTheirDidJwk() {
        for (String to : new String[] {TheWallet.EMAIL, "did:web:example.nl", "did:jwk:bm90LWEta2V5"}) {
            assertThatThrownBy(() -> TheWallet.issuer().issue(organisation, complete(AchievementKind.DIPLOMA, IssueFormat.SD_JWT)
                    .to(to).build())).as(to)
                    .isInstanceOfSatisfying(IssuerException.class,
                            e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.HOLDER_KEY_NEEDED));
        }
    }

    @Test
    void everySdJwtClaimIsSelectivelyDisclosableButTheOnesThatMustStayVisible() {
        IssueResult issued = TheWallet.issuer().issue(organisation, complete(AchievementKind.MICROCREDENTIAL, IssueFormat.SD_JWT)
                .validUntil(LocalDate.of(2032, 1, 1)).build());

        SdJwtVc credential = SdJwtVc.parse(issued.credential());
        JsonNode signed = CompactJws.parse(SdJwt.parse(issued.credential()).issuerJwt(), SdJwt.MAX_LENGTH).payload();
        Set<String> visible = new HashSet<>();
        for (Iterator<String> names = signed.fieldNames(); names.hasNext(); ) {
            visible.add(names.next());
        }
        assertThat(visible).containsExactlyInAnyOrder("iss", "vct", "achievement_type", "iat", "exp", "cnf", "_sd", "_sd_alg");
        assertThat(credential.type()).isEqualTo(SdJwtVc.LEARNER_WALLET_MICROCREDENTIAL);
        assertThat(credential.issuerJwt().header().path("typ").asText()).isEqualTo("dc+sd-jwt");
        assertThat(credential.disclosablePaths()).contains("achievement_title", "given_name", "family_name",
                "issuing_authority", "issuing_country", "date_of_issuance", "learning_outcomes", "workload", "level",
                "assessment_type", "participation_form", "quality_assurance", "assessment_grade");
        assertThat(credential.holderKey().path("x").asText()).isEqualTo(wallet.holder.publicJwk().toJSONObject().get("x"));
        assertThat(signed.path("_sd").size()).isEqualTo(credential.disclosablePaths().size() + 2);
    }

    @Test
    void anEdDsaOrganisationSignsWithEd25519() {
        Organisation ed = Organisation.create(folder.resolve("ed"), OrganisationSettings.named("Werkgever BV")
                .withAlgorithm(SigningAlgorithm.EDDSA), new SecureRandom());

        IssueResult issued = TheWallet.issuer().issue(ed, complete(AchievementKind.WORK_EXPERIENCE, IssueFormat.VC_JWT).build());

        assertThat(CompactJws.parse(issued.credential(), 100_000).header().path("alg").asText()).isEqualTo("EdDSA");
        assertThat(wallet.verifyOffline(issued.credential(), ed.issuerId()).report().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aCredentialIsNeverWrittenOverAnExistingFile() throws Exception {
        Path out = folder.resolve("diploma.jwt");
        Files.write(out, new byte[] {1});

        assertThatThrownBy(() -> TheWallet.issuer().issue(organisation, complete(AchievementKind.DIPLOMA, IssueFormat.VC_JWT)
                .build(), out)).isInstanceOfSatisfying(IssuerException.class,
                        e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.FILE_EXISTS));
        assertThat(Files.readAllBytes(out)).containsExactly(1);
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        Map<String, IssueRequest.Builder> bad = new java.util.LinkedHashMap<>();
        bad.put("title", IssueRequest.builder(AchievementKind.BADGE).to(TheWallet.EMAIL).title(" "));
        bad.put("eqf", complete(AchievementKind.BADGE, IssueFormat.VC_JWT).eqf(9));
        bad.put("nlqf", complete(AchievementKind.BADGE, IssueFormat.VC_JWT).nlqf("9"));
        bad.put("programme-code", complete(AchievementKind.BADGE, IssueFormat.VC_JWT).programmeCode("CROHO 34479"));
        bad.put("learner-name", complete(AchievementKind.BADGE, IssueFormat.VC_JWT).givenName("Sanne"));
        bad.put("to", IssueRequest.builder(AchievementKind.BADGE).title("T"));
        bad.put("outcome", complete(AchievementKind.BADGE, IssueFormat.VC_JWT).addOutcome(" "));
        for (Map.Entry<String, IssueRequest.Builder> each : bad.entrySet()) {
            assertThatThrownBy(each.getValue()::build).as(each.getKey()).isInstanceOfSatisfying(IssuerException.class, e -> {
                assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_FIELD);
                assertThat(e.arguments()).containsExactly(each.getKey());
            });
        }
        for (String to : new String[] {"not an address", "did:web:a.nl#key-1", "a@b", "did:"}) {
            assertThatThrownBy(() -> IssueRequest.builder().to(to)).as(to).isInstanceOfSatisfying(IssuerException.class,
                    e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_RECIPIENT));
        }
        assertThatThrownBy(() -> complete(AchievementKind.BADGE, IssueFormat.VC_JWT).description("x".repeat(4001)).build())
                .isInstanceOfSatisfying(IssuerException.class,
                        e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.FIELD_TOO_LONG));
    }

    @Test
    void anIssueFileGivesTheFieldsUnderTheOptionNames() {
        String json = "{\"kind\": \"microcredential\", \"format\": \"sd-jwt\", \"to\": \"" + wallet.holder.did() + "\","
                + " \"title\": \"Basisvaardigheden zorgtechnologie\", \"outcome\": [\"Je bedient zorgdomotica.\"],"
                + " \"sbu\": 240, \"eqf\": 4, \"nlqf\": 4, \"assessment\": \"Praktijkexamen\", \"participation\": \"op locatie\","
                + " \"quality-assurance\": \"Examencommissie\", \"given-name\": \"Daan\", \"family-name\": \"Jansen\","
                + " \"date\": \"2027-02-01\", \"status\": false}";

        IssueRequest request = IssueRequest.fromJson(TheWallet.bytes(json)).build();

        assertThat(request.kind()).isEqualTo(AchievementKind.MICROCREDENTIAL);
        assertThat(request.format()).isEqualTo(IssueFormat.SD_JWT);
        assertThat(request.studyLoad()).isEqualTo(new StudyLoad(BigDecimal.valueOf(240), StudyLoad.Unit.SBU));
        assertThat(request.nlqf()).isEqualTo("4");
        assertThat(request.date()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(TheWallet.issuer().issue(organisation, request).missing()).isEmpty();

        for (String refused : new String[] {"{\"titel\": \"x\"}", "{\"eqf\": \"6\"}", "{\"status\": \"yes\"}", "[]", "{\"ects\": 5, \"sbu\": 240}"}) {
            assertThatThrownBy(() -> IssueRequest.fromJson(TheWallet.bytes(refused))).as(refused)
                    .isInstanceOfSatisfying(IssuerException.class, e -> assertThat(e.problem())
                            .isIn(IssuerException.Problem.BAD_ISSUE_FILE, IssuerException.Problem.BAD_FIELD));
        }
    }
}
