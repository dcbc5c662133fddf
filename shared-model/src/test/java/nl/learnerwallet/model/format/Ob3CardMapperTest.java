package nl.learnerwallet.model.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class Ob3CardMapperTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final String HOLDER = "did:jwk:eyJrdHkiOiJFQyIsImNydiI6IlAtMjU2In0";
    private static final Instant ISSUED = Instant.parse("2026-06-12T09:30:00Z");
    private static final Instant EXPIRES = Instant.parse("2031-06-12T22:00:00Z");

    static CredentialCard cardOf(Shape shape) {
        return map(DutchCredentials.of(shape, ISSUER).toHolder(HOLDER).credential());
    }

    static CredentialCard map(JsonNode credential) {
        return Ob3CardMapper.map(credential, ISSUER.did(), ISSUED, ISSUED, EXPIRES);
    }

    @Test
    void mapsHboMicrocredential() {
        CredentialCard card = cardOf(Shape.HBO_MICROCREDENTIAL);

        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.title()).isEqualTo("Data-analyse met Python");
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(5));
        assertThat(card.level().eqf()).isEqualTo(6);
        assertThat(card.level().nlqf()).isEqualTo("6");
        assertThat(card.learningOutcomes()).hasSize(3);
        assertThat(card.awardingBody()).isEqualTo("Hogeschool Utrecht");
        assertThat(card.issuerCountry()).isEqualTo("NL");
        assertThat(card.issuerId()).isEqualTo(ISSUER.did());
        assertThat(card.learner()).isEqualTo(HOLDER);
        assertThat(card.assessmentType()).isEqualTo("Praktijkopdracht en schriftelijk tentamen");
        assertThat(card.participationForm()).isEqualTo("blended");
        assertThat(card.qualityAssurance()).startsWith("Intern: examencommissie");
        assertThat(card.fieldOfStudy()).isEqualTo("Informatica");
        assertThat(card.language()).isEqualTo("nl");
        assertThat(card.achievementType()).isEqualTo("MicroCredential");
        assertThat(card.issuedOn()).isEqualTo(ISSUED);
        assertThat(card.expiresOn()).isEqualTo(EXPIRES);
        assertThat(card.selfDeclared()).isFalse();
    }

    @Test
    void mapsMboMicrocredentialInStudyHours() {
        CredentialCard card = cardOf(Shape.MBO_MICROCREDENTIAL);

        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.sbu(240));
        assertThat(card.studyLoad().toString()).isEqualTo("240 SBU");
        assertThat(card.level().eqf()).isEqualTo(4);
        assertThat(card.learningOutcomes()).hasSize(2);
        assertThat(card.awardingBody()).isEqualTo("ROC Midden Nederland");
    }

    @Test
    void mapsWoMicrocredential() {
        CredentialCard card = cardOf(Shape.WO_MICROCREDENTIAL);

        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(6));
        assertThat(card.level().eqf()).isEqualTo(7);
        assertThat(card.learningOutcomes()).hasSize(3);
        assertThat(card.language()).isEqualTo("en");
    }

    @Test
    void mapsDiplomaWithGrade() {
        CredentialCard card = cardOf(Shape.DIPLOMA);

        assertThat(card.kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(240));
        assertThat(card.level().eqf()).isEqualTo(6);
        assertThat(card.grade()).isEqualTo("cum laude");
    }

    @Test
    void mapsExtracurricularBadge() {
        CredentialCard card = cardOf(Shape.EXTRACURRICULAR_BADGE);

        assertThat(card.kind()).isEqualTo(CredentialKind.EXTRACURRICULAR_BADGE);
        assertThat(card.criteria()).isEqualTo("Tien vergaderingen bijgewoond en een advies geschreven.");
    }

    @Test
    void mapsRegularBadge() {
        CredentialCard card = cardOf(Shape.REGULAR_BADGE);

        assertThat(card.kind()).isEqualTo(CredentialKind.REGULAR_BADGE);
        assertThat(card.title()).isEqualTo("Academisch schrijven");
        assertThat(card.studyLoad()).isNull();
        assertThat(card.level().isEmpty()).isTrue();
    }

    @Test
    void mapsWorkExperienceAndCredentialWithoutAchievement() {
        ObjectNode credential = DutchCredentials.of(Shape.REGULAR_BADGE, ISSUER).toHolder(HOLDER).credential();
        ObjectNode achievement = (ObjectNode) credential.get("credentialSubject").get("achievement");
        achievement.put("achievementType", "ext:WorkExperience");
        assertThat(map(credential).kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);

        ((ObjectNode) credential.get("credentialSubject")).remove("achievement");
        CredentialCard card = map(credential);
        assertThat(card.kind()).isEqualTo(CredentialKind.OTHER);
        assertThat(card.title()).isEqualTo("Academisch schrijven");
    }

    @Test
    void prefersDutchInMultilingualNames() {
        ObjectNode credential = DutchCredentials.of(Shape.WO_MICROCREDENTIAL, ISSUER).toHolder(HOLDER).credential();
        ObjectNode name = ((ObjectNode) credential.get("credentialSubject").get("achievement")).putObject("name");
        name.put("en", "Responsible AI in Practice");
        name.put("nl", "Verantwoorde AI in de praktijk");

        assertThat(map(credential).title()).isEqualTo("Verantwoorde AI in de praktijk");
    }

    @Test
    void mapsTheIllustrativeEdubadgesAgentPayload() {
        JsonNode payload = StrictJson.parse(
                SharedTestData.bytes("edubadges/ob3-microcredential.agent-jwt-payload.illustrative.json"));
        JsonNode credential = payload.path("vc");

        CredentialCard card = Ob3CardMapper.map(credential, payload.path("iss").asText(),
                Instant.ofEpochSecond(payload.path("iat").asLong()), Instant.ofEpochSecond(payload.path("nbf").asLong()),
                Instant.ofEpochSecond(payload.path("exp").asLong()));

        assertThat(card.title()).isEqualTo("Data-analyse met Python");
        assertThat(card.studyLoad()).isEqualTo(StudyLoad.ects(5));
        assertThat(card.awardingBody()).isEqualTo("Edubadges");
        assertThat(card.participationForm()).isEqualTo("blended");
        // The agent drops the badge type, EQF and learning outcomes (edubadges README): nothing is invented.
        assertThat(card.kind()).isEqualTo(CredentialKind.REGULAR_BADGE);
        assertThat(card.level().isEmpty()).isTrue();
        assertThat(card.learningOutcomes()).isEmpty();
        assertThat(card.criteria()).startsWith("Om deze microcredential te behalen");
        assertThat(card.expiresOn()).isEqualTo(Instant.parse("2031-06-09T22:00:00Z"));
    }
}
