package nl.learnerwallet.model.baked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.testsupport.BadgeBaker;
import org.junit.jupiter.api.Test;

class PngBadgeReaderTest {

    private static final String ASSERTION = "{\"id\":\"https://issuer.example/a/1\"}";

    @Test
    void readsTheRealBakedEdubadgesAndBadgrPngs() {
        for (String file : new String[] {"introduction_to_political_science_edubadge.png",
                "test-issuer-software-developer-2021-10-08.png", "test_badge_interoperability.png"}) {
            BakedBadge badge = PngBadgeReader.read(SharedTestData.bytes("edubadges/baked/" + file));
            assertThat(badge.image()).isEqualTo(BakedBadge.Image.PNG);
            assertThat(badge.payload()).startsWith("{").contains("\"type\": \"Assertion\"");
        }
    }

    @Test
    void readsOb3CredentialChunksAndTheTextFallback() {
        assertThat(PngBadgeReader.read(BadgeBaker.png("openbadgecredential", "eyJhbGciOi.x.y")).payload())
                .isEqualTo("eyJhbGciOi.x.y");
        ByteArrayOutputStream out = start();
        BadgeBaker.writeChunk(out, "tEXt", ("openbadges\0" + ASSERTION).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(PngBadgeReader.read(end(out)).payload()).isEqualTo(ASSERTION);
    }

    @Test
    void refusesATruncatedPng() {
        byte[] png = BadgeBaker.png(ASSERTION);
        assertProblem(Arrays.copyOf(png, png.length - 20), InputProblem.TRUNCATED);
    }

    @Test
    void refusesABadCrc() {
        byte[] png = BadgeBaker.png(ASSERTION);
        int at = indexOf(png, "iTXt") + 10;
        png[at] ^= 0x01;
        assertProblem(png, InputProblem.BAD_CHECKSUM);
    }

    @Test
    void refusesALengthFieldOfTwoGibibytesWithoutAllocatingIt() {
        ByteArrayOutputStream out = start();
        BadgeBaker.writeInt(out, 0x80000000L);
        out.write('t');
        out.write('E');
        out.write('X');
        out.write('t');
        out.write(new byte[64], 0, 64);
        assertProblem(out.toByteArray(), InputProblem.CHUNK_TOO_LARGE);
    }

    @Test
    void refusesTwoBadgeChunks() {
        ByteArrayOutputStream out = start();
        BadgeBaker.writeChunk(out, "iTXt", BadgeBaker.iTxt("openbadges", ASSERTION, false));
        BadgeBaker.writeChunk(out, "iTXt", BadgeBaker.iTxt("openbadges", "{\"id\":\"https://evil.example/a\"}", false));
        assertProblem(end(out), InputProblem.TWO_BADGES);
    }

    @Test
    void refusesACompressedBadgeChunk() {
        ByteArrayOutputStream out = start();
        BadgeBaker.writeChunk(out, "iTXt", BadgeBaker.iTxt("openbadges", ASSERTION, true));
        assertProblem(end(out), InputProblem.COMPRESSED_BADGE);
    }

    @Test
    void refusesAPngWithoutABadge() {
        assertProblem(end(start()), InputProblem.NO_BADGE);
    }

    private static ByteArrayOutputStream start() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BadgeBaker.signature(), 0, 8);
        BadgeBaker.writeChunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
        return out;
    }

    private static byte[] end(ByteArrayOutputStream out) {
        BadgeBaker.writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void assertProblem(byte[] png, InputProblem problem) {
        assertThatThrownBy(() -> PngBadgeReader.read(png)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
