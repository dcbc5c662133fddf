package nl.learnerwallet.desktop.share;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;

/**
 * A QR code drawn module by module at a whole number of pixels per module (no blurring between
 * modules), about 26 em wide, and never under four pixels a module, so that a phone camera reads
 * it from the screen; at 200 % scaling the screen draws each pixel twice, sharper still.
 */
public final class QrCodeView extends ImageView {

    /** Below this a dense (offline) code blurs for a phone camera held at a screen. */
    private static final int MIN_PIXELS_PER_MODULE = 4;
    private static final double TARGET_EMS = 26;

    public QrCodeView() {
        getStyleClass().add("qr-code");
        setSmooth(false);
        setPreserveRatio(true);
    }

    /** Draws the modules ({@code true} is dark), the quiet zone included. */
    public void show(boolean[][] modules, String accessibleText) {
        int count = modules.length;
        double target = TARGET_EMS * Font.getDefault().getSize();
        int scale = Math.max(MIN_PIXELS_PER_MODULE, (int) Math.floor(target / count));
        WritableImage image = new WritableImage(count * scale, count * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < count * scale; y++) {
            for (int x = 0; x < count * scale; x++) {
                pixels.setArgb(x, y, modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        setImage(image);
        setAccessibleText(accessibleText);
    }
}
