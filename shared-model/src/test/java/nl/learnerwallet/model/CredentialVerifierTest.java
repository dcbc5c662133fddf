package nl.learnerwallet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collections;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** From imported bytes to a verified card, the way the wallet and the server use the model. */
class CredentialVerifierTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void readsVerifiesAndMapsAnImportedMicrocredential() {
        TestIssuer issuer = TestIssuer.es256();
        String holder = TestIssuer.es256().did();
        String token = DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        VerificationContext context = new VerificationContext(
                new TrustList(Collections.singletonList(new TrustEntry(issuer.did(), "ROC Midden Nederland", "test", NOW))),
                new RecipientIdentities(Collections.singletonList(holder), Collections.<String>emptyList(),
                        Collections.<String>emptyList()),
                CLOCK);

        ReadCredential read = CredentialReader.read(("{\"credential\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8));
        CredentialVerifier.Verified verified = new CredentialVerifier(IssuerKeys.offline()).verify(read, context);

        assertThat(verified.format()).isEqualTo(CredentialFormat.OB3_JWT);
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(verified.card().studyLoad()).isEqualTo(StudyLoad.sbu(240));
        assertThat(Completeness.missingMandatory(verified.card())).isEmpty();
    }

    @Test
    void givesNoCardForAnUnreadableToken() {
        VerificationContext context = new VerificationContext(TrustList.empty(), RecipientIdentities.none(), CLOCK);

        CredentialVerifier.Verified verified = new CredentialVerifier(IssuerKeys.offline())
                .verify(new ReadCredential(CredentialFormat.OB3_JWT, "eyJhbGciOiJFUzI1NiJ9.e30"), context);

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(verified.card()).isNull();
        assertThat(verified.report().checkedAt()).isEqualTo(NOW);
    }

    @Test
    void aSelfDeclaredEntryIsWellFormedButSignedByNobody() {
        VerificationContext context = new VerificationContext(TrustList.empty(), RecipientIdentities.none(), CLOCK);
        CredentialVerifier verifier = new CredentialVerifier(IssuerKeys.offline());
        byte[] entry = SelfDeclaredEntry.ofWork("k3v9w2m8qa", NOW, SelfDeclaredEntry.workExperience("Gemeente Utrecht",
                "Data-analist", YearMonth.of(2021, 9), null, null, null)).toJson();

        ReadCredential read = CredentialReader.read(entry);
        CredentialVerifier.Verified verified = verifier.verify(read, context);

        assertThat(read.format()).isEqualTo(CredentialFormat.SELF_DECLARED);
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.SELF_DECLARED);
        assertThat(verified.report().check(CheckId.FORMAT).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(verified.report().check(CheckId.SIGNATURE)).isNull();
        assertThat(verified.card().selfDeclared()).isTrue();
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(CredentialCards.of(read)).isEqualTo(verified.card());
        assertThat(verifier.reevaluateOffline(read, null, verified.report(), context).status())
                .isEqualTo(VerificationStatus.SELF_DECLARED);
    }

    @Test
    void aSelfDeclaredEntryFromTheFutureOrWithBadFieldsIsMalformed() {
        VerificationContext context = new VerificationContext(TrustList.empty(), RecipientIdentities.none(), CLOCK);
        CredentialVerifier verifier = new CredentialVerifier(IssuerKeys.offline());
        byte[] later = SelfDeclaredEntry.ofWork("k3v9w2m8qa", NOW.plus(Duration.ofDays(400)), SelfDeclaredEntry.workExperience(
                "Gemeente Utrecht", "Data-analist", YearMonth.of(2028, 1), null, null, null)).toJson();
        String reversed = "{\"type\":\"LearnerWalletSelfDeclared\",\"kind\":\"WORK_EXPERIENCE\",\"id\":\"a1\","
                + "\"declaredAt\":\"2027-01-01T00:00:00Z\",\"employer\":\"Bol\",\"role\":\"Dev\",\"from\":\"2024-06\","
                + "\"to\":\"2021-09\"}";

        for (byte[] input : new byte[][] {later, reversed.getBytes(StandardCharsets.UTF_8)}) {
            CredentialVerifier.Verified verified = verifier.verify(CredentialReader.read(input), context);
            assertThat(verified.report().status()).isEqualTo(VerificationStatus.MALFORMED);
            assertThat(verified.report().check(CheckId.FORMAT).reason()).isEqualTo(Reason.BAD_CLAIM);
            assertThat(verified.card()).isNull();
        }
    }

    @Test
    void formatIdsAreDesignNames() {
        assertThat(CredentialFormat.fromId("ob3-jwt")).isEqualTo(CredentialFormat.OB3_JWT);
        assertThat(CredentialFormat.SD_JWT_VC.id()).isEqualTo("sd-jwt-vc");
        assertThatThrownBy(() -> CredentialFormat.fromId("ob4")).isInstanceOf(IllegalArgumentException.class);
    }
}
