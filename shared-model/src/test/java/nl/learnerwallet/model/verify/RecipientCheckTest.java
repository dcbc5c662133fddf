package nl.learnerwallet.model.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import nl.learnerwallet.model.json.StrictJson;
import org.junit.jupiter.api.Test;

class RecipientCheckTest {

    private static final String HOLDER = "did:jwk:eyJrdHkiOiJFQyJ9";
    private static final String EDUID = "3f6b0a4e-9c1d-4f7a-b2e5-8d0c6a1f9e27";
    private static final String SALT = "8cb5b165a8b65d69a2190093504b6a00";

    private static final RecipientIdentities LEARNER = new RecipientIdentities(Collections.singletonList(HOLDER),
            Collections.singletonList("learner@example.nl"), Collections.singletonList(EDUID));

    private static JsonNode json(String text) {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String identifier(String type, String identity) {
        return "{\"type\":\"IdentityObject\",\"identityType\":\"" + type + "\",\"hashed\":true,\"salt\":\"" + SALT
                + "\",\"identityHash\":\"" + IdentityHash.of("sha256", identity, SALT) + "\"}";
    }

    @Test
    void matchesHolderDid() {
        CheckResult result = new RecipientCheck(LEARNER).check(json("{\"id\":\"" + HOLDER + "\"}"));

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.reason()).isEqualTo(Reason.OK);
    }

    @Test
    void matchesHashedEduIdInAnyOfSeveralSubjects() {
        String subjects = "[{\"id\":\"did:example:someone-else\"},{\"identifier\":[" + identifier("eduId", EDUID) + "]}]";

        assertThat(new RecipientCheck(LEARNER).check(json(subjects)).reason()).isEqualTo(Reason.OK);
    }

    @Test
    void doesNotMatchAnEmailHashAgainstEduIds() {
        String subject = "{\"identifier\":" + identifier("emailAddress", EDUID) + "}";

        assertThat(new RecipientCheck(LEARNER).check(json(subject)).reason()).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
    }

    @Test
    void failsForSomeoneElse() {
        String subject = "{\"identifier\":[" + identifier("emailAddress", "other@example.nl") + "]}";

        CheckResult result = new RecipientCheck(LEARNER).check(json(subject));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
    }

    @Test
    void passesCredentialNamingNoRecipient() {
        assertThat(new RecipientCheck(LEARNER).check(json("{\"type\":\"AchievementSubject\"}")).reason())
                .isEqualTo(Reason.NO_RECIPIENT_NAMED);
        assertThat(new RecipientCheck(LEARNER).check(null).reason()).isEqualTo(Reason.NO_RECIPIENT_NAMED);
    }

    @Test
    void failsNamedRecipientWhenTheWalletKnowsNoIdentities() {
        CheckResult result = new RecipientCheck(RecipientIdentities.none()).check(json("{\"id\":\"" + HOLDER + "\"}"));

        assertThat(result.reason()).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
        assertThat(RecipientIdentities.none().isEmpty()).isTrue();
        assertThat(new RecipientIdentities(Arrays.asList("a"), Collections.<String>emptyList(),
                Collections.<String>emptyList()).isEmpty()).isFalse();
    }
}
