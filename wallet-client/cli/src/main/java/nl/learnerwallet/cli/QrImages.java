package nl.learnerwallet.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nl.learnerwallet.client.share.QrCodes;

/** QR codes as PNG files (zxing javase on top of the core's module grid), and reading them back. */
final class QrImages {

    /** Pixels per module: a 33-module code becomes a 264-pixel image, easy to scan from a screen. */
    private static final int SCALE = 8;
    /** A phone photo of a QR code is far below this; larger images are refused unread. */
    private static final long MAX_PIXELS = 40_000_000L;

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
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // The header says how large the picture is: refuse absurd sizes before any pixel is decoded.
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new IllegalArgumentException("the image is too large to hold a QR code");
                }
                BufferedImage image = reader.read(0);
                int width = image.getWidth();
                int height = image.getHeight();
                return QrCodes.decode(width, height, image.getRGB(0, 0, width, height, null, 0, width));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("the image holds no readable QR code", e);
        }
    }
}
