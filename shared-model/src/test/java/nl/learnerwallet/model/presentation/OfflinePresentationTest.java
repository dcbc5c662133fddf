package nl.learnerwallet.model.presentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import org.junit.jupiter.api.Test;

class OfflinePresentationTest {

    /** QR alphanumeric mode's 45 characters, which are Base45's alphabet. */
    private static final String QR_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    @Test
    void roundTripsTheRfc9901ExamplePresentation() {
        String presentation = rfc9901("example-presentation.txt");

        String text = OfflinePresentation.encode(presentation);

        assertThat(text).startsWith("LW1:");
        assertThat(text.chars()).allMatch(c -> QR_ALPHANUMERIC.indexOf(c) >= 0);
        assertThat(text.length()).isLessThanOrEqualTo(OfflinePresentation.MAX_TEXT_LENGTH);
        assertThat(OfflinePresentation.looksLike(text)).isTrue();
        assertThat(OfflinePresentation.decode(text)).isEqualTo(presentation);
    }

    @Test
    void encodesAZlibStreamNotGzip() {
        byte[] zlib = OfflinePresentation.fromBase45(OfflinePresentation.encode("a.b.c").substring(4));

        assertThat(zlib[0]).isEqualTo((byte) 0x78); // RFC 1950: deflate, 32 KiB window
        assertThat(((zlib[0] & 0xFF) << 8 | (zlib[1] & 0xFF)) % 31).isZero();
    }

    @Test
    void base45MatchesTheExamplesOfRfc9285() {
        String[][] examples = {{"AB", "BB8"}, {"Hello!!", "%69 VD92EX0"}, {"base-45", "UJCLQE7W581"}, {"ietf!", "QED8WEX0"}};
        for (String[] example : examples) {
            byte[] bytes = example[0].getBytes(StandardCharsets.US_ASCII);
            assertThat(OfflinePresentation.toBase45(bytes)).isEqualTo(example[1]);
            assertThat(OfflinePresentation.fromBase45(example[1])).isEqualTo(bytes);
        }
    }

    @Test
    void acceptsAPresentationOfExactlyTheLargestSize() {
        String largest = "A".repeat(OfflinePresentation.MAX_PRESENTATION_BYTES);

        assertThat(OfflinePresentation.decode(OfflinePresentation.encode(largest))).isEqualTo(largest);
    }

    @Test
    void looksLikeOnlyTextWithTheLw1Prefix() {
        assertThat(OfflinePresentation.looksLike("LW1:BB8")).isTrue();
        assertThat(OfflinePresentation.looksLike("lw1:BB8")).isFalse();
        assertThat(OfflinePresentation.looksLike("https://wallet.example/s/abc")).isFalse();
        assertThat(OfflinePresentation.looksLike("")).isFalse();
        assertThat(OfflinePresentation.looksLike(null)).isFalse();
    }

    @Test
    void refusesTextLongerThanTheLargestQrCodeBeforeDecodingIt() {
        // Not Base45 either: the length is judged first.
        String text = "LW1:" + "a".repeat(OfflinePresentation.MAX_TEXT_LENGTH - 3);

        assertRefused(text, InputProblem.TOO_LARGE);
    }

    @Test
    void refusesTextWithoutThePrefix() {
        String lw1 = OfflinePresentation.encode("a.b.c");

        assertRefused(lw1.substring(4), InputProblem.UNKNOWN_FORMAT);
    }

    @Test
    void refusesAnotherPrefix() {
        String lw1 = OfflinePresentation.encode("a.b.c");

        assertRefused("LW2:" + lw1.substring(4), InputProblem.UNKNOWN_FORMAT);
        assertRefused("lw1:" + lw1.substring(4), InputProblem.UNKNOWN_FORMAT);
    }

    @Test
    void refusesCharactersOutsideTheBase45Alphabet() {
        String lw1 = OfflinePresentation.encode("a.b.c");

        assertRefused(lw1.substring(0, 7) + "a" + lw1.substring(8), InputProblem.MALFORMED_TOKEN);
        assertRefused(lw1 + "\n", InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAGroupOfThreeAbove65535() {
        // "GGW" is 16 + 16 * 45 + 32 * 45 * 45 = 65536; "FGW", one less, is the largest there is.
        assertThat(OfflinePresentation.fromBase45("FGW")).containsExactly(0xFF, 0xFF);
        assertRefused("LW1:GGW", InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAFinalPairAbove255() {
        // "BB" is 11 + 11 * 45 = 506, which is not one byte; "U5" is 30 + 5 * 45 = 255, which is.
        assertThat(OfflinePresentation.fromBase45("BB8U5")).containsExactly('A', 'B', 0xFF);
        assertRefused("LW1:BB8BB", InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesALoneFinalCharacter() {
        assertRefused("LW1:BB8B", InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAPresentationThatInflatesBeyondTheLimit() {
        byte[] oneTooMany = new byte[OfflinePresentation.MAX_PRESENTATION_BYTES + 1];
        Arrays.fill(oneTooMany, (byte) 'A');

        assertRefused(lw1(OfflinePresentation.deflate(oneTooMany)), InputProblem.TOO_LARGE);
    }

    @Test
    void refusesAZlibBombThatFitsInAQrCode() {
        byte[] zlib = OfflinePresentation.deflate(new byte[2 * 1024 * 1024]);
        String text = lw1(zlib);
        assertThat(text.length()).isLessThanOrEqualTo(OfflinePresentation.MAX_TEXT_LENGTH);

        assertRefused(text, InputProblem.TOO_LARGE);
    }

    @Test
    void stopsInflatingTenMegabytesOfZerosAtTheLimit() {
        // Too long for a QR code's text, so inflated directly: the stream is refused while the
        // output is still within the limit's buffer, not after all of it was inflated.
        byte[] zlib = OfflinePresentation.deflate(new byte[10 * 1024 * 1024]);

        assertThatThrownBy(() -> OfflinePresentation.inflate(zlib, OfflinePresentation.MAX_PRESENTATION_BYTES))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE));
    }

    @Test
    void refusesATruncatedZlibStream() {
        byte[] zlib = OfflinePresentation.deflate(ascii(rfc9901("example-presentation.txt")));

        assertRefused(lw1(Arrays.copyOf(zlib, zlib.length / 2)), InputProblem.TRUNCATED);
    }

    @Test
    void refusesAZlibStreamWithoutItsChecksum() {
        byte[] zlib = OfflinePresentation.deflate(ascii("a.b.c"));

        assertRefused(lw1(Arrays.copyOf(zlib, zlib.length - 4)), InputProblem.TRUNCATED);
    }

    @Test
    void refusesDataAfterTheZlibStream() {
        byte[] zlib = OfflinePresentation.deflate(ascii("a.b.c"));

        assertRefused(lw1(Arrays.copyOf(zlib, zlib.length + 2)), InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAZlibStreamWithAWrongChecksum() {
        byte[] zlib = OfflinePresentation.deflate(ascii("a.b.c"));
        zlib[zlib.length - 1] ^= 1;

        assertRefused(lw1(zlib), InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesGzipInsteadOfZlib() throws IOException {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write(ascii("a.b.c"));
        }

        assertRefused(lw1(gzip.toByteArray()), InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAnEmptyPresentation() {
        assertRefused(lw1(OfflinePresentation.deflate(new byte[0])), InputProblem.MALFORMED_TOKEN);
    }

    @Test
    void refusesAPresentationThatIsNotUtf8() {
        assertRefused(lw1(OfflinePresentation.deflate(new byte[] {'a', (byte) 0xC3, '(', 'b'})), InputProblem.NOT_TEXT);
    }

    @Test
    void refusesAPresentationThatIsUtf8ButNotAscii() {
        byte[] utf8 = "a.\u00e9.c".getBytes(StandardCharsets.UTF_8);

        assertRefused(lw1(OfflinePresentation.deflate(utf8)), InputProblem.NOT_TEXT);
    }

    @Test
    void refusesAPresentationWithControlCharactersOrSpaces() {
        assertRefused(lw1(OfflinePresentation.deflate(ascii("a.b\n.c"))), InputProblem.NOT_TEXT);
        assertRefused(lw1(OfflinePresentation.deflate(ascii("a.b c"))), InputProblem.NOT_TEXT);
        assertRefused(lw1(OfflinePresentation.deflate(ascii("a.b\u0000c"))), InputProblem.NOT_TEXT);
    }

    @Test
    void encodeRefusesWhatIsNotACompactPresentation() {
        assertThatThrownBy(() -> OfflinePresentation.encode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflinePresentation.encode("a.\u00e9.c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflinePresentation.encode("a.b c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodeRefusesAPresentationLargerThanTheLimit() {
        String tooLarge = "A".repeat(OfflinePresentation.MAX_PRESENTATION_BYTES + 1);

        assertThatThrownBy(() -> OfflinePresentation.encode(tooLarge)).isInstanceOf(TooLargeForQrException.class);
    }

    @Test
    void encodeRefusesAPresentationWhoseTextWouldNotFitInAQrCode() {
        // 4,000 random base64url characters compress to about 3,000 bytes: 4,500 Base45 characters.
        String base64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        SplittableRandom random = new SplittableRandom(9901);
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            large.append(base64url.charAt(random.nextInt(base64url.length())));
        }

        assertThatThrownBy(() -> OfflinePresentation.encode(large.toString())).isInstanceOf(TooLargeForQrException.class);
    }

    private static void assertRefused(String text, InputProblem problem) {
        assertThatThrownBy(() -> OfflinePresentation.decode(text))
                .isInstanceOfSatisfying(UntrustedInputException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static String lw1(byte[] zlib) {
        return OfflinePresentation.PREFIX + OfflinePresentation.toBase45(zlib);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static String rfc9901(String name) {
        try (InputStream in = OfflinePresentationTest.class.getResourceAsStream("/rfc9901/" + name)) {
            assertThat(in).as(name).isNotNull();
            // The vector files hold the exact bytes of the compact serialization, no final newline.
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
