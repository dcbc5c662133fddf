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
    void detectsBakedImagesAndOb2AssertionsByContent() {
        ReadCredential png = CredentialReader.read(SharedTestData.bytes("edubadges/baked/test_badge_interoperability.png"));
        assertThat(png.format()).isEqualTo(CredentialFormat.OB2_HOSTED);
        assertThat(png.baked()).isTrue();
        assertThat(CredentialReader.read(SharedTestData.bytes("edubadges/baked/baked_svg_edubadge.svg")).format())
                .isEqualTo(CredentialFormat.OB2_HOSTED);
        ReadCredential json = CredentialReader.read(SharedTestData.bytes("edubadges/assertion-microcredential.json"));
        assertThat(json.format()).isEqualTo(CredentialFormat.OB2_HOSTED);
        assertThat(json.baked()).isFalse();
    }

    @Test
    void readsDataIntegrityCredentialsAsOb3Di() {
        ReadCredential read = CredentialReader.read(utf8("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                + "\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":\"did:web:issuer.example\","
                + "\"credentialSubject\":{\"achievement\":{\"name\":\"x\"}},"
                + "\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofValue\":\"z1\"}}"));
        assertThat(read.format()).isEqualTo(CredentialFormat.OB3_DI);
        nl.learnerwallet.model.CredentialVerifier.Verified verified = new nl.learnerwallet.model.CredentialVerifier(
                nl.learnerwallet.model.jose.IssuerKeys.offline()).verify(read, new nl.learnerwallet.model.verify.VerificationContext(
                        nl.learnerwallet.model.trust.TrustList.empty(), nl.learnerwallet.model.verify.RecipientIdentities.none(),
                        java.time.Clock.systemUTC()));
        assertThat(verified.report().check(nl.learnerwallet.model.verify.CheckId.SIGNATURE).reason())
                .isEqualTo(nl.learnerwallet.model.verify.Reason.UNSUPPORTED_PROOF_TYPE);
        assertThat(verified.card().title()).isEqualTo("x");
    }

    @Test
    void readsAnSdJwtByItsShapeAndLeavesItsDisclosuresToTheVerifier() {
        assertThat(CredentialReader.read(utf8(TOKEN + "~WyJzYWx0IiwibmFtZSIsIngiXQ~")).format())
                .isEqualTo(nl.learnerwallet.model.CredentialFormat.SD_JWT_VC);
        assertProblem(utf8("hello~world~"), InputProblem.UNKNOWN_FORMAT);
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
