package nl.learnerwallet.model.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.testsupport.HostileInputs;
import org.junit.jupiter.api.Test;

/**
 * Attack catalogue, JSON: what every JSON document from outside goes through ({@link StrictJson}),
 * and the importer's reading of the same bytes ({@link CredentialReader}): a typed refusal each,
 * never a stack overflow, an out-of-memory, or a value that is not the value sent.
 */
class JsonAttacksTest {

    @Test
    void oneHundredThousandNestedBrackets() {
        refused(HostileInputs.nested(100_000), InputProblem.TOO_DEEP);
    }

    @Test
    void aNumberWithAMillionDigits() {
        refused(HostileInputs.millionDigitNumber(), InputProblem.TOO_LARGE);
    }

    /** It would be read as Infinity and written back as the string "Infinity" (found by this catalogue). */
    @Test
    void aNumberBeyondADouble() {
        refused(HostileInputs.beyondDouble(), InputProblem.TOO_LARGE);
        refused("[-1e309]".getBytes(), InputProblem.TOO_LARGE);
    }

    @Test
    void duplicateKeys() {
        refused(HostileInputs.duplicateKeys(), InputProblem.DUPLICATE_KEY);
    }

    @Test
    void invalidUtf8() {
        refused(HostileInputs.invalidUtf8(), InputProblem.NOT_JSON);
    }

    /** C0 AF was read as "/" (found by this catalogue): a path check on the text would be fooled. */
    @Test
    void overlongUtf8() {
        refused(HostileInputs.overlongUtf8(), InputProblem.NOT_JSON);
    }

    /** An escaped half of a surrogate pair was read, and written back as "?" (found by this catalogue). */
    @Test
    void loneSurrogates() {
        refused(HostileInputs.loneSurrogate(), InputProblem.NOT_JSON);
        refused("{\"\\udc00\":1}".getBytes(), InputProblem.NOT_JSON);
        assertThat(StrictJson.parse("[\"\\ud83c\\udf93\"]".getBytes()).get(0).asText()).isEqualTo("\uD83C\uDF93");
    }

    @Test
    void nul() {
        refused(HostileInputs.rawNul(), InputProblem.NOT_JSON);
        refused(new byte[] {'[', '1', ']', 0}, InputProblem.NOT_JSON);
    }

    /** A byte order mark, or UTF-16/32 that the parser used to guess from the first bytes (found by this catalogue). */
    @Test
    void byteOrderMarkAndOtherEncodings() {
        refused(HostileInputs.byteOrderMark(), InputProblem.NOT_JSON);
        refused(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}, InputProblem.NOT_JSON);
        refused(new byte[] {0, 0, 0, '{', 0, 0, 0, '}'}, InputProblem.NOT_JSON);
    }

    @Test
    void aTwentyMegabyteString() {
        refused(HostileInputs.twentyMebibyteString(), InputProblem.TOO_LARGE);
    }

    private static void refused(byte[] json, InputProblem problem) {
        assertThatThrownBy(() -> StrictJson.parse(json)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
        // The importer refuses the same bytes, by the same problem or as no format it knows.
        assertThatThrownBy(() -> CredentialReader.read(json)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isIn(problem, InputProblem.UNKNOWN_FORMAT, InputProblem.NOT_TEXT));
    }
}
