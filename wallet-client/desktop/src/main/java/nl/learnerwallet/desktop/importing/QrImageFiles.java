package nl.learnerwallet.desktop.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.desktop.Refusal;

/** Reads the QR code in an image file the learner picked (a screenshot or photo of an offer). */
final class QrImageFiles {

    /** A photo of a QR code is far below this; larger images are refused before their pixels are decoded. */
    private static final long MAX_PIXELS = 40_000_000L;
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private QrImageFiles() {
    }

    /** @throws Refusal when the file is no image, too large, or holds no readable QR code */
    static String read(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new Refusal("qr.unusable", name);
            }
        } catch (IOException e) {
            throw new Refusal("qr.unusable", name);
        }
        requireModestDimensions(file, name);
        Image image = new Image(file.toUri().toString(), false);
        if (image.isError() || image.getPixelReader() == null) {
            throw new Refusal("qr.unusable", name);
        }
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        try {
            return QrCodes.decode(width, height, pixels);
        } catch (IllegalArgumentException e) {
            throw new Refusal("qr.none", name);
        }
    }

    /** Reads only the image's header: a tiny file may claim a picture of gigabytes. */
    private static void requireModestDimensions(Path file, String name) {
        try (ImageInputStream header = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = header == null ? null : ImageIO.getImageReaders(header);
            if (readers == null || !readers.hasNext()) {
                throw new Refusal("qr.unusable", name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(header, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new Refusal("qr.unusable", name);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Refusal("qr.unusable", name);
        }
    }
}
