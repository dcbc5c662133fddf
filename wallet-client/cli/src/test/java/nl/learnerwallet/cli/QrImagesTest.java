package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.model.protocol.ShareToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QR images `share create --qr` writes read back to their link, every time, and garbage is refused. */
class QrImagesTest {

    @TempDir
    Path files;

    @Test
    void everyWrittenQrCodeReadsBackToItsLink() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String link = "http://127.0.0.1:" + (1024 + random.nextInt(60000)) + "/s/" + ShareToken.generate(random);
            Path png = files.resolve("qr-" + i + ".png");
            QrImages.writePng(QrCodes.encode(link), png);
            assertThat(QrImages.read(png)).as(link).isEqualTo(link);
        }
    }

    @Test
    void refusesAFileThatIsNoImage() throws Exception {
        Path text = Files.writeString(files.resolve("not.png"), "not an image");
        assertThatThrownBy(() -> QrImages.read(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
