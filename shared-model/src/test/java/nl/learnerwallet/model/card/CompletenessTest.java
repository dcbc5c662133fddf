package nl.learnerwallet.model.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import nl.learnerwallet.model.format.Ob3CardMapper;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompletenessTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final String HOLDER = "did:jwk:eyJrdHkiOiJFQyIsImNydiI6IlAtMjU2In0";
    private static final Instant ISSUED = Instant.parse("2026-06-12T09:30:00Z");

    private static CredentialCard card(ObjectNode credential) {
        return Ob3CardMapper.map(credential, ISSUER.did(), ISSUED, ISSUED, null);
    }

    private static ObjectNode credential(Shape shape) {
        return DutchCredentials.of(shape, ISSUER).toHolder(HOLDER).credential();
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"HBO_MICROCREDENTIAL", "MBO_MICROCREDENTIAL", "WO_MICROCREDENTIAL"})
    void dutchMicrocredentialCarriesEveryMandatoryElement(Shape shape) {
        CredentialCard card = card(credential(shape));

        assertThat(card.kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(Completeness.missingMandatory(card)).isEmpty();
    }

    @Test
    void microcredentialWithoutLearningOutcomesLacksThem() {
        ObjectNode credential = credential(Shape.HBO_MICROCREDENTIAL);
        ((ObjectNode) credential.get("credentialSubject").get("achievement")).remove("learningOutcomes");

        assertThat(Completeness.missingMandatory(card(credential)))
                .containsExactly(EuStandardElement.LEARNING_OUTCOMES);
    }

    @Test
    void microcredentialWithoutLevelOrWorkloadLacksBoth() {
        ObjectNode credential = credential(Shape.HBO_MICROCREDENTIAL);
        ObjectNode achievement = (ObjectNode) credential.get("credentialSubject").get("achievement");
        achievement.remove("alignment");
        achievement.remove("creditsAvailable");

        assertThat(Completeness.missingMandatory(card(credential)))
                .containsExactly(EuStandardElement.NOTIONAL_WORKLOAD, EuStandardElement.LEVEL);
    }

    @Test
    void microcredentialWithoutNamedLearnerLacksLearnerIdentification() {
        ObjectNode credential = DutchCredentials.of(Shape.WO_MICROCREDENTIAL, ISSUER).credential();

        assertThat(Completeness.missingMandatory(card(credential)))
                .containsExactly(EuStandardElement.LEARNER_IDENTIFICATION);
    }

    @Test
    void blankValuesDoNotCount() {
        CredentialCard card = card(credential(Shape.HBO_MICROCREDENTIAL)).toBuilder()
                .assessmentType("  ").learningOutcomes(Collections.<String>emptyList()).build();

        assertThat(Completeness.missingMandatory(card))
                .containsExactly(EuStandardElement.LEARNING_OUTCOMES, EuStandardElement.TYPE_OF_ASSESSMENT);
    }

    @Test
    void listsTheOptionalElementsPresent() {
        CredentialCard card = card(credential(Shape.HBO_MICROCREDENTIAL));

        assertThat(Completeness.present(card)).contains(EuStandardElement.PREREQUISITES,
                EuStandardElement.SUPERVISION_AND_IDENTITY_VERIFICATION, EuStandardElement.INTEGRATION_STACKABILITY);
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"REGULAR_BADGE", "EXTRACURRICULAR_BADGE", "DIPLOMA"})
    void onlyMicrocredentialsAreHeldToTheEuElements(Shape shape) {
        assertThat(Completeness.missingMandatory(card(credential(shape)))).isEmpty();
    }

    @Test
    void elevenElementsAreMandatory() {
        long mandatory = Arrays.stream(EuStandardElement.values()).filter(EuStandardElement::mandatory).count();

        assertThat(mandatory).isEqualTo(11);
        assertThat(EuStandardElement.TYPE_OF_QUALITY_ASSURANCE.id()).isEqualTo("type-of-quality-assurance");
    }
}
