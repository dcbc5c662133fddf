package nl.learnerwallet.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parsesAnOrdinaryDocument() {
        JsonNode node = StrictJson.parse(utf8("{\"name\":\"Data-analyse met Python\",\"ECTS\":5.0,\"tags\":[\"hbo\"]}"));

        assertThat(node.path("name").asText()).isEqualTo("Data-analyse met Python");
        assertThat(node.path("ECTS").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        assertThat(StrictJson.parse(utf8(nested(StrictJson.MAX_DEPTH))).isArray()).isTrue();
    }

    @Test
    void refusesNestingBeyondTheLimit() {
        assertProblem(nested(StrictJson.MAX_DEPTH + 1), InputProblem.TOO_DEEP);
    }

    @Test
    void refusesNestingOneHundredThousandDeepWithoutOverflowingTheStack() {
        assertProblem(nested(100_000), InputProblem.TOO_DEEP);
    }

    @Test
    void refusesDeepObjectsAsWellAsArrays() {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            json.append("{\"a\":");
        }
        json.append("1");
        for (int i = 0; i < 1000; i++) {
            json.append('}');
        }
        assertProblem(json.toString(), InputProblem.TOO_DEEP);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"a\",\"iss\":\"b\"}",
        "{\"vc\":{\"issuer\":\"a\",\"issuer\":\"a\"}}",
        "[{\"x\":1,\"y\":2,\"x\":3}]"})
    void refusesDuplicateKeys(String json) {
        assertProblem(json, InputProblem.DUPLICATE_KEY);
    }

    @Test
    void acceptsNumberOfTheMaximumLength() {
        assertThat(StrictJson.parse(utf8("[" + digits(StrictJson.MAX_NUMBER_LENGTH) + "]")).get(0).isNumber()).isTrue();
    }

    @Test
    void refusesOverlongNumber() {
        assertProblem("[" + digits(StrictJson.MAX_NUMBER_LENGTH + 1) + "]", InputProblem.TOO_LARGE);
    }

    @Test
    void refusesOverlongFraction() {
        assertProblem("[0." + digits(1000) + "]", InputProblem.TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{}x", "[1],", "\"a\" \"b\"", "{}}"})
    void refusesTrailingTokens(String json) {
        assertProblem(json, InputProblem.NOT_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{'a':1}", "{\"a\":NaN}", "[1,]"})
    void refusesWhatIsNotJson(String json) {
        assertProblem(json, InputProblem.NOT_JSON);
    }

    @Test
    void doesNotMistakeAnUnknownWordForADuplicateKey() {
        assertProblem("Duplicate", InputProblem.NOT_JSON);
    }

    @Test
    void refusesDocumentLargerThanTheLimitBeforeParsing() {
        byte[] json = new byte[StrictJson.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(json, (byte) ' ');
        json[0] = '[';
        json[json.length - 1] = ']';

        assertThatThrownBy(() -> StrictJson.parse(json)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE));
    }

    private static void assertProblem(String json, InputProblem problem) {
        assertThatThrownBy(() -> StrictJson.parse(utf8(json))).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static String nested(int depth) {
        StringBuilder json = new StringBuilder(2 * depth);
        for (int i = 0; i < depth; i++) {
            json.append('[');
        }
        for (int i = 0; i < depth; i++) {
            json.append(']');
        }
        return json.toString();
    }

    private static String digits(int count) {
        StringBuilder out = new StringBuilder("1");
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + i % 10));
        }
        return out.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
