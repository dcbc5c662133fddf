package nl.learnerwallet.model.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class CredentialReaderTest {

    private static final String TOKEN = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, TestIssuer.es256()).signed();

    @Test
    void readsCompactVcJwt() {
        ReadCredential read = CredentialReader.read(utf8(TOKEN));

        assertThat(read.format()).isEqualTo(CredentialFormat.OB3_JWT);
        assertThat(read.encoded()).isEqualTo(TOKEN);
    }

    @Test
    void readsCompactVcJwtWithByteOrderMarkAndNewline() {
        assertThat(CredentialReader.read(utf8("\uFEFF" + TOKEN + "\n")).encoded()).isEqualTo(TOKEN);
    }

    @Test
    void readsVcJwtInAJsonString() {
        assertThat(CredentialReader.read(utf8("\"" + TOKEN + "\"")).encoded()).isEqualTo(TOKEN);
    }

    @Test
    void readsOpenId4VciCredentialResponses() {
        assertThat(CredentialReader.read(utf8("{\"credential\":\"" + TOKEN + "\",\"c_nonce\":\"x\"}")).encoded())
                .isEqualTo(TOKEN);
        assertThat(CredentialReader.read(utf8("{\"credentials\":[{\"credential\":\"" + TOKEN + "\"}]}")).encoded())
                .isEqualTo(TOKEN);
    }

    @Test
    void refusesInputLargerThanTheLimit() {
        byte[] input = new byte[CredentialReader.MAX_INPUT_BYTES + 1];
        Arrays.fill(input, (byte) 'e');

        assertProblem(input, InputProblem.TOO_LARGE);
    }

    @Test
    void refusesBinaryThatIsNotText() {
        assertProblem(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41}, InputProblem.NOT_TEXT);
    }

    @Test
    void namesBakedImagesAndOb2AssertionsAsUnknownFormats() {
        assertProblem(SharedTestData.bytes("edubadges/baked/test_badge_interoperability.png"), InputProblem.UNKNOWN_FORMAT);
        assertProblem(SharedTestData.bytes("edubadges/baked/baked_svg_edubadge.svg"), InputProblem.UNKNOWN_FORMAT);
        assertProblem(SharedTestData.bytes("edubadges/assertion-microcredential.json"), InputProblem.UNKNOWN_FORMAT);
    }

    @Test
    void namesSdJwtAsUnknownFormat() {
        assertProblem(utf8(TOKEN + "~WyJzYWx0IiwibmFtZSIsIngiXQ~"), InputProblem.UNKNOWN_FORMAT);
    }

    @Test
    void refusesEmptyAndArbitraryText() {
        assertProblem(utf8("  \n"), InputProblem.UNKNOWN_FORMAT);
        assertProblem(utf8("hello world"), InputProblem.UNKNOWN_FORMAT);
    }

    @Test
    void refusesJsonWithDuplicateKeys() {
        assertProblem(utf8("{\"credential\":\"" + TOKEN + "\",\"credential\":\"eyJ.x.y\"}"), InputProblem.DUPLICATE_KEY);
    }

    @Test
    void refusesDeeplyNestedJson() {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            json.append('[');
        }
        assertProblem(utf8(json.toString()), InputProblem.TOO_DEEP);
    }

    private static void assertProblem(byte[] input, InputProblem problem) {
        assertThatThrownBy(() -> CredentialReader.read(input)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
