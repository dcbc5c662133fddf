package nl.learnerwallet.client.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void versionForIsTheVersionThatEncodeDraws() {
        for (String text : new String[] {"https://wallet.example/s/3f9c2a", "LW1:" + "A".repeat(500), "LW1:" + "7".repeat(1400)}) {
            int version = QrCodes.versionFor(text);
            // A version-v code is 17 + 4v modules a side; encode adds a quiet zone of four.
            assertThat(QrCodes.encode(text).length).as(text).isEqualTo(17 + 4 * version + 2 * 4);
        }
    }

    @Test
    void versionOneHoldsTwentyAlphanumericCharactersAtErrorCorrectionM() {
        // ISO/IEC 18004 table 7: version 1-M holds 20 alphanumeric characters.
        assertThat(QrCodes.versionFor("LW1:" + "A".repeat(16))).isEqualTo(1);
        assertThat(QrCodes.versionFor("LW1:" + "A".repeat(17))).isEqualTo(2);
    }

    @Test
    void theLargestOfflineVersionHolds3351AlphanumericCharacters() {
        assertThat(QrCodes.offlineVersionFor("A".repeat(3351))).isEqualTo(QrCodes.MAX_OFFLINE_VERSION);
        assertThat(QrCodes.offlineVersionFor("A".repeat(3352))).isGreaterThan(QrCodes.MAX_OFFLINE_VERSION);
    }

    @Test
    void refusesTextLargerThanVersion40Holds() {
        // Version 40-M holds 3,391 alphanumeric characters.
        assertThat(QrCodes.versionFor("A".repeat(3391))).isEqualTo(40);
        assertThatThrownBy(() -> QrCodes.versionFor("A".repeat(3392))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRfc9901ExamplePresentationFitsAnOfflineCode() throws IOException {
        // The SD-JWT+KB of RFC 9901 section 5.2 (1,859 characters), from shared-model's test data;
        // Maven runs the tests in the module's directory.
        Path vector = Path.of("../../shared-model/src/test/resources/rfc9901/example-presentation.txt");
        String text = OfflinePresentation.encode(Files.readString(vector, StandardCharsets.US_ASCII));

        int version = QrCodes.offlineVersionFor(text);

        assertThat(version).isLessThanOrEqualTo(QrCodes.MAX_OFFLINE_VERSION);
        assertThat(QrCodes.encodeOffline(text).length).isEqualTo(17 + 4 * version + 2 * 4);
    }

    @Test
    void decodeReadsBackWhatEncodeDrew() {
        String url = "https://wallet.example/s/3f9c2a7d1e";
        boolean[][] modules = QrCodes.encode(url);
        int scale = 4;
        int size = modules.length * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }

        assertThat(QrCodes.decode(size, size, pixels)).isEqualTo(url);
    }

    @Test
    void decodeReadsATransparentBackgroundAsLight() {
        String url = "https://wallet.example/s/transparent";
        boolean[][] modules = QrCodes.encode(url);
        int size = modules.length * 3;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Light modules fully transparent black, as some image editors save them.
                pixels[y * size + x] = modules[y / 3][x / 3] ? 0xFF000000 : 0x00000000;
            }
        }

        assertThat(QrCodes.decode(size, size, pixels)).isEqualTo(url);
    }

    @Test
    void decodeRefusesAPictureWithoutACode() {
        int[] white = new int[100 * 100];
        java.util.Arrays.fill(white, 0xFFFFFFFF);

        assertThatThrownBy(() -> QrCodes.decode(100, 100, white)).isInstanceOf(IllegalArgumentException.class);
    }
}
