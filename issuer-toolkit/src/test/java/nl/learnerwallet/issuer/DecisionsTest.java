package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.exemption.Dossiers;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exam committee reads a learner's exemption dossier and signs its decision, bound to that dossier. */
class DecisionsTest {

    static final ExemptionRequest REQUEST = new ExemptionRequest("Hogeschool Utrecht", "INF-DB2", "Databases 2",
            Arrays.asList("Ontwerpt een genormaliseerd datamodel.", "Schrijft SQL-queries met joins."), 6,
            new StudyLoad(new BigDecimal("5"), StudyLoad.Unit.ECTS), "Ik heb dit al gedaan bij ROC Midden Nederland.");

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private final Decisions decisions = new Decisions(TheWallet.CLOCK, new SecureRandom());
    private Organisation committee;

    @BeforeEach
    void createInstitution() {
        committee = Organisation.create(folder.resolve("hu"), OrganisationSettings.named("Hogeschool Utrecht"), new SecureRandom());
    }

    /** A share's presentation as the learner's wallet signs it, carrying the request. */
    static String presentation(TestIssuer holder, ExemptionRequest request) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("holder", holder.did());
        payload.put("iss", holder.did());
        payload.put("iat", TheWallet.NOW.getEpochSecond());
        payload.putArray("verifiableCredential");
        if (request != null) {
            payload.set("exemptionRequest", request.toJson());
        }
        return holder.sign(new JWSHeader.Builder(holder.algorithm()).type(new JOSEObjectType("vp+jwt")).keyID(holder.keyId())
                .build(), payload);
    }

    @Test
    void signsADecisionForTheLearnerBoundToTheDossier() throws Exception {
        String presentation = presentation(wallet.holder, REQUEST);
        Decisions.Dossier dossier = Decisions.read(presentation);

        Decisions.Decision decision = decisions.decide(committee, dossier, new Decisions.Verdict(
                ExemptionDecision.Outcome.PARTLY_GRANTED, Collections.singletonList("Ontwerpt een genormaliseerd datamodel."),
                LocalDate.of(2027, 2, 20), "De leeruitkomst over SQL is niet aangetoond.", "Examencommissie HBO-ICT",
                "Beroep binnen zes weken bij het CBE.", null), null);

        assertThat(dossier.holder()).isEqualTo(wallet.holder.did());
        assertThat(dossier.request()).isEqualTo(REQUEST);
        String credential = decision.issued().credential();
        CredentialVerifier.Verified verified = wallet.verifyOffline(credential, committee.issuerId());
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.OTHER);
        assertThat(verified.card().title()).isEqualTo("Vrijstelling INF-DB2 Databases 2");
        assertThat(verified.card().learner()).isEqualTo(wallet.holder.did());
        JsonNode payload = CompactJws.parse(credential, 100_000).payload();
        assertThat(payload.path("credentialSubject").path("id").asText()).isEqualTo(wallet.holder.did());
        assertThat(payload.path("credentialSubject").path("achievement").path("achievementType").asText())
                .isEqualTo(ExemptionDecision.ACHIEVEMENT_TYPE);
        ExemptionDecision read = ExemptionDecision.inCredential(payload);
        assertThat(read).isEqualTo(decision.decision());
        assertThat(read.dossier()).isEqualTo(Dossiers.hash(presentation));
        assertThat(read.decision()).isEqualTo(ExemptionDecision.Outcome.PARTLY_GRANTED);
        assertThat(read.grantedOutcomes()).containsExactly("Ontwerpt een genormaliseerd datamodel.");
        assertThat(read.date()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(read.institution()).isEqualTo("Hogeschool Utrecht");
        assertThat(read.courseCode()).isEqualTo("INF-DB2");
        assertThat(read.courseName()).isEqualTo("Databases 2");
        assertThat(read.follows()).isNull();
        assertThat(payload.path("id").asText()).isEqualTo(decision.issued().id());
    }

    @Test
    void aLaterDecisionNamesTheOneItFollows() {
        Decisions.Dossier dossier = Decisions.read(presentation(wallet.holder, REQUEST));
        Decisions.Decision first = decisions.decide(committee, dossier, verdict(ExemptionDecision.Outcome.MORE_INFORMATION,
                null, null), null);

        Decisions.Decision second = decisions.decide(committee, dossier, verdict(ExemptionDecision.Outcome.GRANTED, null,
                first.issued().id()), null);

        assertThat(first.decision().date()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(ExemptionDecision.inCredential(CompactJws.parse(second.issued().credential(), 100_000).payload()).follows())
                .isEqualTo(first.issued().id());
    }

    @Test
    void partlyGrantedWithoutOutcomesIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> verdict(ExemptionDecision.Outcome.PARTLY_GRANTED, null, null))
                .isInstanceOfSatisfying(IssuerException.class, e -> {
                    assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_FIELD);
                    assertThat(e.arguments()).containsExactly("granted-outcome");
                });
        assertThat(committee.directory().resolve("issued.json")).doesNotExist();
    }

    @Test
    void aDateInTheFutureIsRefused() {
        Decisions.Dossier dossier = Decisions.read(presentation(wallet.holder, REQUEST));

        assertThatThrownBy(() -> decisions.decide(committee, dossier, verdict(ExemptionDecision.Outcome.REFUSED,
                LocalDate.of(2027, 3, 2), null), null)).isInstanceOfSatisfying(IssuerException.class,
                        e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.FUTURE_DATE));
        assertThat(committee.directory().resolve("issued.json")).doesNotExist();
    }

    @Test
    void aPresentationWithoutARequestOrWithABrokenSignatureIsNoDossier() {
        String plain = presentation(wallet.holder, null);
        String good = presentation(wallet.holder, REQUEST);
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + presentation(TestIssuer.es256(), REQUEST)
                .substring(good.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> Decisions.read(plain)).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.arguments()).containsExactly("request"));
        assertThatThrownBy(() -> Decisions.read("<html>not found</html>")).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.NOT_A_DOSSIER));
        assertThatThrownBy(() -> Decisions.read(forged)).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.NOT_A_DOSSIER));
    }

    @Test
    void theLatestListedDecisionIsTheOneWithTheHighestNumber() {
        Decisions.Dossier dossier = Decisions.read(presentation(wallet.holder, REQUEST));
        String first = decisions.decide(committee, dossier, verdict(ExemptionDecision.Outcome.MORE_INFORMATION, null, null),
                null).issued().credential();
        Decisions.Decision second = decisions.decide(committee, dossier, verdict(ExemptionDecision.Outcome.REFUSED, null, null),
                null);
        ObjectNode page = StrictJson.mapper().createObjectNode();
        page.putArray("decisions").add(entry(2, second.issued().credential())).add(entry(1, first));

        assertThat(Decisions.latestDecision(page)).isEqualTo(second.issued().id());
        assertThat(Decisions.latestDecision(StrictJson.mapper().createObjectNode().putArray("decisions"))).isNull();
    }

    @Test
    void aPageNamingAnotherPresentationIsRefused() {
        Decisions.Dossier dossier = Decisions.read(presentation(wallet.holder, REQUEST));
        ObjectNode page = StrictJson.mapper().createObjectNode().put("dossierHash", "something-else");

        assertThatThrownBy(() -> Decisions.checkPage(page, dossier)).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.DOSSIER_MISMATCH));
        Decisions.checkPage(page.put("dossierHash", dossier.hash()), dossier);
    }

    private static ObjectNode entry(int number, String credential) {
        return StrictJson.mapper().createObjectNode().put("number", number).put("credential", credential)
                .put("receivedAt", "2027-03-01T12:00:00Z");
    }

    private static Decisions.Verdict verdict(ExemptionDecision.Outcome outcome, LocalDate date, String follows) {
        List<String> none = Collections.emptyList();
        return new Decisions.Verdict(outcome, none, date, "Gronden.", "Examencommissie HBO-ICT", "Beroep bij het CBE.", follows);
    }
}
