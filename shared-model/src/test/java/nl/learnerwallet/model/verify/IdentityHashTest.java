package nl.learnerwallet.model.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.json.StrictJson;
import org.junit.jupiter.api.Test;

class IdentityHashTest {

    /** The fictional learner of the edubadges examples (testdata/edubadges/README.md). */
    private static final String EDUID = "3f6b0a4e-9c1d-4f7a-b2e5-8d0c6a1f9e27";
    private static final String SALT = "8cb5b165a8b65d69a2190093504b6a00";

    @Test
    void matchesTheEdubadgesRecipientOfTheExampleAssertion() {
        // identity = "sha256$" + sha256(lower(eduid) + salt)
        JsonNode recipient = StrictJson.parse(SharedTestData.bytes("edubadges/assertion-microcredential.json"))
                .path("recipient");

        assertThat(IdentityHash.matches(recipient.path("identity").asText(), recipient.path("hashed").asBoolean(),
                recipient.path("salt").asText(), EDUID)).isTrue();
    }

    @Test
    void matchesWhenTheLearnerTypesTheIdentityInCapitals() {
        assertThat(IdentityHash.matches(IdentityHash.of("sha256", EDUID, SALT), true, SALT, EDUID.toUpperCase())).isTrue();
    }

    @Test
    void matchesUpperCaseHexAndAlgorithm() {
        String hash = IdentityHash.of("sha256", EDUID, SALT);
        String shouted = "SHA256$" + hash.substring("sha256$".length()).toUpperCase();

        assertThat(IdentityHash.matches(shouted, true, SALT, EDUID)).isTrue();
    }

    @Test
    void doesNotMatchAnotherIdentityOrSalt() {
        String hash = IdentityHash.of("sha256", EDUID, SALT);

        assertThat(IdentityHash.matches(hash, true, SALT, "4f6b0a4e-9c1d-4f7a-b2e5-8d0c6a1f9e27")).isFalse();
        assertThat(IdentityHash.matches(hash, true, "other-salt", EDUID)).isFalse();
        assertThat(IdentityHash.matches(hash, true, null, EDUID)).isFalse();
    }

    @Test
    void matchesUnsaltedAndMd5Hashes() {
        assertThat(IdentityHash.matches(IdentityHash.of("sha256", "learner@example.nl", null), true, null,
                "learner@example.nl")).isTrue();
        assertThat(IdentityHash.matches(IdentityHash.of("md5", "learner@example.nl", SALT), true, SALT,
                "learner@example.nl")).isTrue();
    }

    @Test
    void comparesPlainIdentitiesIgnoringCase() {
        assertThat(IdentityHash.matches("Learner@Example.nl", false, null, "learner@example.nl")).isTrue();
        assertThat(IdentityHash.matches("other@example.nl", false, null, "learner@example.nl")).isFalse();
    }

    @Test
    void matchesNothingForUnknownAlgorithmOrMissingParts() {
        assertThat(IdentityHash.matches("sha1$0123", true, SALT, EDUID)).isFalse();
        assertThat(IdentityHash.matches("no-dollar-sign", true, SALT, EDUID)).isFalse();
        assertThat(IdentityHash.matches("sha256$", true, SALT, EDUID)).isFalse();
        assertThat(IdentityHash.matches("sha1$", true, SALT, EDUID)).as("unknown algorithm, empty hash").isFalse();
        assertThat(IdentityHash.matches(null, true, SALT, EDUID)).isFalse();
        assertThat(IdentityHash.matches(IdentityHash.of("sha256", EDUID, SALT), true, SALT, null)).isFalse();
    }
}
