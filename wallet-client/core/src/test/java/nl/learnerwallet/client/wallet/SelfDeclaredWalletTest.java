package nl.learnerwallet.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.share.Presentations;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.store.StoredRecord;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work experience and diplomas the learner adds: stored and shown as self-declared, presented
 * under the holder's signature, sent to an employer as an attestation request, and replaced by
 * the credential the employer signs back.
 */
class SelfDeclaredWalletTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @TempDir
    Path home;

    private final TestIssuer employer = TestIssuer.es256();
    private final WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            IssuerKeys.offline());
    private TrustList trusted;
    private Wallet wallet;
    private String recoveryCode;

    @BeforeEach
    void createWallet() {
        Wallet.Created created = Wallet.create(openStore("wallet.db"), PASSPHRASE, context);
        wallet = created.wallet();
        recoveryCode = created.recoveryCode().display();
        trusted = TrustList.empty().with(new TrustEntry(employer.did(), "Gemeente Utrecht", "test", NOW));
    }

    @AfterEach
    void closeWallet() {
        wallet.close();
    }

    private RecordStore openStore(String file) {
        try {
            return new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve(file)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkExperience dataAnalyst() {
        return SelfDeclaredEntry.workExperience("Gemeente Utrecht", "Data-analist", YearMonth.of(2021, 9),
                YearMonth.of(2024, 6), "Dashboards voor de afdeling Wonen.", Arrays.asList("Python", "SQL"));
    }

    private static SelfDeclaredEntry.Diploma hboIct() {
        return SelfDeclaredEntry.Diploma.of("Hogeschool Utrecht", "HBO-ICT", "CROHO 34479", 6, "6", LocalDate.of(2021, 7, 2),
                "7,8");
    }

    /**
     * What the employer's toolkit signs back for a request: an OB 3.0 VC-JWT for the holder, of
     * achievement type ext:WorkExperience, naming the request it answers.
     */
    private String attestation(AttestationRequest request, String subjectDid) {
        ObjectNode payload = DutchCredentials.of(Shape.REGULAR_BADGE, employer).toHolder(subjectDid).payload();
        ObjectNode credential = (ObjectNode) payload.path("vc");
        credential.put("name", request.experience().role() + " bij " + request.experience().employer());
        ObjectNode issuer = (ObjectNode) credential.path("issuer");
        issuer.put("name", request.experience().employer());
        ObjectNode subject = (ObjectNode) credential.path("credentialSubject");
        subject.put("attestationRequest", request.requestId());
        ObjectNode achievement = (ObjectNode) subject.path("achievement");
        achievement.put("achievementType", "ext:WorkExperience");
        achievement.put("name", request.experience().role());
        achievement.put("description", "Werkzaam als " + request.experience().role() + " van "
                + request.experience().from() + " tot " + request.experience().to() + ".");
        return employer.sign(payload);
    }

    @Test
    void workExperienceIsStoredAsASelfDeclaredCredential() {
        StoredCredential entry = wallet.addWorkExperience(dataAnalyst());

        assertThat(entry.format()).isEqualTo(CredentialFormat.SELF_DECLARED);
        assertThat(entry.report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(entry.card().kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(entry.card().selfDeclared()).isTrue();
        assertThat(entry.card().awardingBody()).isEqualTo("Gemeente Utrecht");
        assertThat(SelfDeclaredEntry.read(entry.original()).id()).isEqualTo(entry.id());
        assertThat(new String(entry.original(), StandardCharsets.UTF_8)).contains("\"type\":\"LearnerWalletSelfDeclared\"");

        wallet.close();
        wallet = Wallet.unlock(openStore("wallet.db"), PASSPHRASE, context);
        StoredCredential reopened = wallet.credential(entry.id());
        assertThat(reopened.card()).isEqualTo(entry.card());
        assertThat(wallet.verify(entry.id(), trusted).report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(wallet.refreshOffline(trusted).get(0).report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
    }

    @Test
    void aDiplomaIsStoredAsASelfDeclaredCredential() {
        StoredCredential entry = wallet.addDiploma(hboIct());

        assertThat(entry.report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(entry.card().kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(entry.card().programmeCode()).isEqualTo("CROHO 34479");
        assertThat(entry.card().level().eqf()).isEqualTo(6);
        assertThat(wallet.credentials()).extracting(StoredCredential::id).containsExactly(entry.id());
    }

    @Test
    void aDiplomaAwardedAfterTodayIsRefusedAndNothingIsStored() {
        SelfDeclaredEntry.Diploma next = SelfDeclaredEntry.Diploma.of("Hogeschool Utrecht", "HBO-ICT", null, null, null,
                LocalDate.of(2027, 7, 1), null);

        assertThatThrownBy(() -> wallet.addDiploma(next)).isInstanceOfSatisfying(SelfDeclaredEntry.InvalidEntryException.class,
                e -> assertThat(e.problem()).isEqualTo(InputProblem.DATE_IN_FUTURE));
        assertThat(wallet.credentials()).isEmpty();
    }

    @Test
    void aSelfDeclaredEntryIsPresentedUnderTheHoldersSignatureAndStaysSelfDeclared() {
        StoredCredential entry = wallet.addWorkExperience(dataAnalyst());

        String presentation = Presentations.sign(wallet.holderKey(),
                Collections.singletonList(Presentations.Enveloped.of(wallet, entry)), "https://werkgever.example", "n0nce", NOW,
                NOW.plus(Duration.ofDays(1)), Collections.<Identity>emptyList());
        PresentationReport report = new PresentationVerifier(IssuerKeys.offline(), new CredentialVerifier(IssuerKeys.offline()))
                .verify(presentation, new PresentationVerifier.Expectation("https://werkgever.example", "n0nce", null),
                        TrustList.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(report.holder()).isEqualTo(wallet.holderDid());
        assertThat(report.credentials()).hasSize(1);
        assertThat(report.credentials().get(0).format()).isEqualTo(CredentialFormat.SELF_DECLARED);
        assertThat(report.credentials().get(0).report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(report.credentials().get(0).card().workPeriod().from()).isEqualTo(YearMonth.of(2021, 9));
        assertThat(new String(wallet.presentable(entry), StandardCharsets.UTF_8))
                .isEqualTo(new String(entry.original(), StandardCharsets.UTF_8));
    }

    @Test
    void theAttestationRequestIsSignedByTheHolderAndNamesTheEntry() {
        StoredCredential entry = wallet.addWorkExperience(dataAnalyst());

        String jwt = wallet.attestationRequest(entry.id());
        AttestationRequest request = AttestationRequest.verify(jwt, IssuerKeys.offline());

        assertThat(request.holder()).isEqualTo(wallet.holderDid());
        assertThat(request.requestId()).isEqualTo(entry.id());
        assertThat(request.requestedAt()).isEqualTo(NOW);
        assertThat(request.experience()).isEqualTo(dataAnalyst());
        assertThat(AttestationRequest.verify(AttestationRequest.LINK_PREFIX + jwt, IssuerKeys.offline()).requestId())
                .isEqualTo(entry.id());
    }

    @Test
    void anAlteredAttestationRequestIsRefused() {
        String jwt = wallet.attestationRequest(wallet.addWorkExperience(dataAnalyst()).id());
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"from\":\"2021-09\"", "\"from\":\"2015-09\"");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> AttestationRequest.verify(altered, IssuerKeys.offline()))
                .isInstanceOfSatisfying(AttestationRequest.InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void onlySelfDeclaredWorkExperienceCanBeSentForAttestation() {
        String diploma = wallet.addDiploma(hboIct()).id();
        String signed = wallet.importCredential(DutchCredentials.of(Shape.REGULAR_BADGE, employer)
                .toHolder(wallet.holderDid()).signed().getBytes(StandardCharsets.UTF_8), trusted).credential().id();

        for (String id : new String[] {diploma, signed}) {
            assertThatThrownBy(() -> wallet.attestationRequest(id)).isInstanceOfSatisfying(WalletException.class,
                    e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.NOT_ATTESTABLE));
        }
    }

    @Test
    void importingTheAttestedCredentialReplacesTheEntry() {
        StoredCredential entry = wallet.addWorkExperience(dataAnalyst());
        AttestationRequest request = AttestationRequest.verify(wallet.attestationRequest(entry.id()), IssuerKeys.offline());

        byte[] attested = attestation(request, request.holder()).getBytes(StandardCharsets.UTF_8);
        ImportResult imported = wallet.importCredential(attested, trusted);

        assertThat(imported.replaced()).isEqualTo(entry.id());
        assertThat(imported.credential().report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(imported.credential().card().kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(imported.credential().card().selfDeclared()).isFalse();
        assertThat(wallet.credentials()).extracting(StoredCredential::id).containsExactly(imported.credential().id());
        try (RecordStore store = openStore("wallet.db")) {
            StoredRecord tombstone = store.get(Wallet.CREDENTIAL, entry.id());
            assertThat(tombstone.deleted()).isTrue();
        }
        // A second import of the same credential finds it there and replaces nothing more.
        ImportResult again = wallet.importCredential(attested, trusted);
        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again.replaced()).isNull();
    }

    @Test
    void anAttestationIssuedToSomeoneElseReplacesNothing() {
        StoredCredential entry = wallet.addWorkExperience(dataAnalyst());
        AttestationRequest request = AttestationRequest.verify(wallet.attestationRequest(entry.id()), IssuerKeys.offline());

        ImportResult imported = wallet.importCredential(
                attestation(request, TestIssuer.es256().did()).getBytes(StandardCharsets.UTF_8), trusted);

        assertThat(imported.replaced()).isNull();
        assertThat(imported.credential().report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
        assertThat(wallet.credential(entry.id()).report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
    }

    @Test
    void aBackupCarriesSelfDeclaredEntriesAndTheirReplacementToARestoredWallet() {
        StoredCredential work = wallet.addWorkExperience(dataAnalyst());
        StoredCredential diploma = wallet.addDiploma(hboIct());
        AttestationRequest request = AttestationRequest.verify(wallet.attestationRequest(work.id()), IssuerKeys.offline());
        String attested = wallet.importCredential(attestation(request, request.holder()).getBytes(StandardCharsets.UTF_8),
                trusted).credential().id();

        try (Wallet restored = Wallet.restore(openStore("restored.db"), RecoveryCode.parse(recoveryCode),
                "another passphrase".toCharArray(), wallet.records(), context)) {
            assertThat(restored.credentials()).extracting(StoredCredential::id).containsExactlyInAnyOrder(diploma.id(), attested);
            StoredCredential copy = restored.credential(diploma.id());
            assertThat(copy.card()).isEqualTo(diploma.card());
            assertThat(copy.report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
            assertThat(copy.original()).isEqualTo(diploma.original());
            assertThat(restored.records()).anySatisfy(record -> {
                assertThat(record.id()).isEqualTo(work.id());
                assertThat(record.deleted()).isTrue();
            });
        }
    }
}
