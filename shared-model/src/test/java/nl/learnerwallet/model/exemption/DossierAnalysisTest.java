package nl.learnerwallet.model.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.exemption.DossierAnalysis.CredentialAnalysis;
import nl.learnerwallet.model.exemption.DossierAnalysis.Point;
import nl.learnerwallet.model.exemption.DossierAnalysis.Verdict;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.api.Test;

/** The framework points and EU elements of a dossier, against a course of 5 EC at EQF 6. */
class DossierAnalysisTest {

    private static final ExemptionRequest COURSE = new ExemptionRequest("Hogeschool Rotterdam", "INF-DA1", "Data-analyse",
            Arrays.asList("Analyseert data met Python", "Rapporteert bevindingen"), 6, StudyLoad.ects(5), "Al gedaan.");

    private static CredentialCard.Builder micro(StudyLoad load, int eqf) {
        return CredentialCard.builder(CredentialKind.MICROCREDENTIAL).title("Micro").learner("did:jwk:x").awardingBody("HU")
                .issuerId("did:jwk:hu").issuerCountry("NL").issuedOn(Instant.parse("2026-06-12T00:00:00Z"))
                .learningOutcomes(Collections.singletonList("Analyseert data")).studyLoad(load)
                .level(QualificationLevel.eqf(eqf)).assessmentType("Praktijkopdracht").participationForm("blended")
                .qualityAssurance("NVAO");
    }

    private static Verdict verdict(CredentialAnalysis analysis, Point point) {
        for (DossierAnalysis.PointCheck check : analysis.points()) {
            if (check.point() == point) {
                return check.verdict();
            }
        }
        throw new AssertionError("no " + point);
    }

    @Test
    void anHboMicrocredentialOfFiveEcAtEqfSixMeetsEveryPoint() {
        CredentialAnalysis hbo = DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED,
                micro(StudyLoad.ects(5), 6).build());
        assertThat(verdict(hbo, Point.SIZE)).isEqualTo(Verdict.MET);
        assertThat(verdict(hbo, Point.LEVEL)).isEqualTo(Verdict.MET);
        assertThat(verdict(hbo, Point.STUDY_LOAD)).isEqualTo(Verdict.MET);
        assertThat(hbo.missingMandatory()).isEmpty();
    }

    @Test
    void anMboMicrocredentialOf240SbuAtEqfFourMeetsSizeAndLoadButNotTheLevel() {
        CredentialAnalysis mbo = DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED,
                micro(StudyLoad.sbu(240), 4).build());
        assertThat(verdict(mbo, Point.SIZE)).isEqualTo(Verdict.MET);
        assertThat(verdict(mbo, Point.LEVEL)).isEqualTo(Verdict.NOT_MET);
        // 240 hours against 5 × 28 = 140 hours.
        assertThat(verdict(mbo, Point.STUDY_LOAD)).isEqualTo(Verdict.MET);
    }

    @Test
    void sizeOutsideTheFrameworkIsNotMetAndHoursCannotTell() {
        assertThat(DossierAnalysis.size(StudyLoad.ects(2)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(DossierAnalysis.size(StudyLoad.ects(31)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(DossierAnalysis.size(StudyLoad.ects(30)).verdict()).isEqualTo(Verdict.MET);
        assertThat(DossierAnalysis.size(StudyLoad.sbu(239)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(DossierAnalysis.size(StudyLoad.hours(200)).verdict()).isEqualTo(Verdict.CANNOT_TELL);
        assertThat(DossierAnalysis.size(null).verdict()).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void aSmallerStudyLoadThanTheCourseIsNotMet() {
        // 139 SBU against 140 hours; 4 EC = 112 hours.
        assertThat(DossierAnalysis.load(StudyLoad.sbu(139), StudyLoad.ects(5)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(DossierAnalysis.load(StudyLoad.ects(4), StudyLoad.ects(5)).verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(DossierAnalysis.load(StudyLoad.hours(140), StudyLoad.ects(5)).verdict()).isEqualTo(Verdict.MET);
        assertThat(DossierAnalysis.load(null, StudyLoad.ects(5)).verdict()).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void withoutALevelOrWithoutTheCoursesLevelNothingCanBeTold() {
        ExemptionRequest noLevel = new ExemptionRequest("HR", "X", "Y", null, null, null, null);
        CredentialAnalysis analysis = DossierAnalysis.analyse(noLevel, 0, VerificationStatus.VERIFIED,
                micro(StudyLoad.ects(5), 6).build());
        assertThat(verdict(analysis, Point.LEVEL)).isEqualTo(Verdict.CANNOT_TELL);
        assertThat(verdict(analysis, Point.STUDY_LOAD)).isEqualTo(Verdict.CANNOT_TELL);
    }

    @Test
    void anNlqfLevelCountsWhenNoEqfIsGiven() {
        CredentialCard card = micro(StudyLoad.ects(5), 6).level(new QualificationLevel(null, "6", null)).build();
        assertThat(verdict(DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED, card), Point.LEVEL))
                .isEqualTo(Verdict.MET);
    }

    @Test
    void aBadgeIsNotHeldToTheSizeRuleAndAnUnreadableCredentialTellsNothing() {
        CredentialCard badge = CredentialCard.builder(CredentialKind.REGULAR_BADGE).title("Badge").build();
        CredentialAnalysis analysis = DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED, badge);
        assertThat(analysis.points()).extracting(DossierAnalysis.PointCheck::point).containsExactly(Point.LEVEL, Point.STUDY_LOAD);

        CredentialAnalysis unreadable = DossierAnalysis.analyse(COURSE, 1, VerificationStatus.MALFORMED, null);
        assertThat(unreadable.points()).allMatch(point -> point.verdict() == Verdict.CANNOT_TELL);
        assertThat(unreadable.missingMandatory()).contains(EuStandardElement.TITLE, EuStandardElement.LEARNING_OUTCOMES);
    }

    @Test
    void theChecklistNamesMissingMandatoryElements() {
        CredentialCard incomplete = micro(StudyLoad.ects(5), 6).qualityAssurance(null).assessmentType(" ").build();
        CredentialAnalysis analysis = DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED, incomplete);
        assertThat(analysis.missingMandatory()).containsExactly(EuStandardElement.TYPE_OF_ASSESSMENT,
                EuStandardElement.TYPE_OF_QUALITY_ASSURANCE);
        assertThat(analysis.elements()).hasSize(EuStandardElement.values().length);
    }

    @Test
    void theSummaryCountsGenuineRevokedAndPointsMetAndTheJsonSaysTheSame() {
        DossierAnalysis dossier = new DossierAnalysis(COURSE, Arrays.asList(
                DossierAnalysis.analyse(COURSE, 0, VerificationStatus.VERIFIED, micro(StudyLoad.ects(5), 6).build()),
                DossierAnalysis.analyse(COURSE, 1, VerificationStatus.REVOKED, micro(StudyLoad.sbu(240), 4).build())));
        assertThat(dossier.genuine()).isEqualTo(1);
        assertThat(dossier.revoked()).isEqualTo(1);
        assertThat(dossier.pointsMet()).isEqualTo(5);
        assertThat(dossier.pointsChecked()).isEqualTo(6);

        JsonNode json = dossier.toJson();
        assertThat(json.path("course").path("code").asText()).isEqualTo("INF-DA1");
        assertThat(json.path("pointsMet").asInt()).isEqualTo(5);
        assertThat(json.path("credentials").get(1).path("status").asText()).isEqualTo("REVOKED");
        assertThat(json.path("credentials").get(1).path("points").get(1).path("verdict").asText()).isEqualTo("not-met");
        assertThat(json.path("courseOutcomes")).hasSize(2);
    }
}
