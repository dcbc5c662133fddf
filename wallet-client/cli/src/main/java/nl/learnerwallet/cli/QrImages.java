package nl.learnerwallet.cli;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG files (zxing javase on top of the core's module grid), and reading them back. */
final class QrImages {

    /** Pixels per module: a 33-module code becomes a 264-pixel image, easy to scan from a screen. */
    private static final int SCALE = 8;

    private QrImages() {
    }

    static void writePng(boolean[][] modules, Path file) throws IOException {
        int size = modules.length * SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules[y / SCALE][x / SCALE] ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Whether the bytes start like a PNG or JPEG image. */
    static boolean isImage(byte[] bytes) {
        return bytes.length > 8 && ((bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8);
    }

    /**
     * The text of the QR code in an image.
     *
     * @throws IllegalArgumentException when the image holds no readable QR code
     */
    static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            // ImageIO decodes pixels; refuse absurd dimensions before it allocates for them.
            BufferedImage image = ImageIO.read(in);
            if (image == null || (long) image.getWidth() * image.getHeight() > 40_000_000L) {
                throw new IllegalArgumentException("not a readable image");
            }
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    hints).getText();
        } catch (IOException | NotFoundException | ChecksumException | FormatException e) {
            throw new IllegalArgumentException("the image holds no readable QR code", e);
        }
    }
}
