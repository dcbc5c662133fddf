package nl.learnerwallet.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Pictures of the real screen, taken by JavaFX's own robot (on GTK it reads the X server's
 * screen, whatever drew it), as pixels and as PNG files. Call on the JavaFX thread.
 */
final class Screenshots {

    /** The captured pixels, ARGB row by row, at the screen's own resolution (twice the points at 200 %). */
    record Capture(int width, int height, int[] pixels) {
    }

    private Screenshots() {
    }

    static Capture screen() {
        return capture(Screen.getPrimary().getBounds());
    }

    static Capture window(Window window) {
        return capture(new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight()));
    }

    static Capture capture(Rectangle2D area) {
        WritableImage image = new Robot().getScreenCapture(null, area, false);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return new Capture(width, height, pixels);
    }

    static void writePng(Capture capture, Path file) throws IOException {
        BufferedImage image = new BufferedImage(capture.width(), capture.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, capture.width(), capture.height(), capture.pixels(), 0, capture.width());
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
