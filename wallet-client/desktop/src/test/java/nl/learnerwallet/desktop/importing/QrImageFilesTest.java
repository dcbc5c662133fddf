package nl.learnerwallet.desktop.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.desktop.Refusal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The QR code in an image the learner picks: read when it is one, refused in one sentence when it is not. */
class QrImageFilesTest {

    private static final String OFFER = "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fedu.example%2Foffers%2F42";

    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws Exception {
        // JavaFX decodes the image; its toolkit must be running.
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void readsTheOfferInAPhotoOfItsQrCode() throws Exception {
        Path image = folder.resolve("offer.png");
        writeQr(OFFER, image);

        assertThat(QrImageFiles.read(image)).isEqualTo(OFFER);
    }

    @Test
    void anImageWithoutACodeIsSaidToHaveNone() throws Exception {
        Path image = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", image.toFile());

        assertThatThrownBy(() -> QrImageFiles.read(image)).isInstanceOf(Refusal.class)
                .hasMessage("There is no readable QR code in blank.png.");
    }

    @Test
    void aFileThatIsNoImageIsRefused() throws Exception {
        Path text = Files.writeString(folder.resolve("offer.txt"), OFFER);

        assertThatThrownBy(() -> QrImageFiles.read(text)).isInstanceOf(Refusal.class)
                .hasMessage("offer.txt is not an image this app can read, or it is too large.");
    }

    @Test
    void aTinyFileClaimingAGiganticPictureIsRefusedBeforeItsPixelsAreDecoded() throws Exception {
        Path bomb = Files.write(folder.resolve("bomb.png"), pngHeader(100_000, 100_000));

        assertThatThrownBy(() -> QrImageFiles.read(bomb)).isInstanceOf(Refusal.class)
                .hasMessage("bomb.png is not an image this app can read, or it is too large.");
    }

    private static void writeQr(String text, Path file) throws Exception {
        boolean[][] modules = QrCodes.encode(text);
        int scale = 6;
        BufferedImage image = new BufferedImage(modules.length * scale, modules.length * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, modules[y / scale][x / scale] ? 0x000000 : 0xFFFFFF);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /** A PNG signature and header chunk only: what a reader sees before any pixel. */
    private static byte[] pngHeader(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(chunk);
        header.writeBytes("IHDR");
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 2, 0, 0, 0});
        byte[] body = chunk.toByteArray();
        out.writeInt(body.length - 4);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
