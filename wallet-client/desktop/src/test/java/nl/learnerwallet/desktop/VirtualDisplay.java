package nl.learnerwallet.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * An X display of its own for a test: Debian's Xvfb, on a display number it picks itself among the
 * free ones ({@code -displayfd}), so that tests on a shared machine (or CI, as root without any
 * display) never meet another program's windows.
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process xvfb;
    private final String display;

    private VirtualDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** @param size the screen, e.g. {@code 1600x1200x24} */
    static VirtualDisplay start(String size, Path log) throws IOException {
        Path program = Paths.get("/usr/bin/Xvfb");
        if (!Files.isExecutable(program)) {
            throw new IllegalStateException("Xvfb is missing: install Debian's xvfb (scripts/test does)");
        }
        Process xvfb = new ProcessBuilder(program.toString(), "-displayfd", "1", "-screen", "0", size, "-nolisten", "tcp",
                "-noreset").redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        // Xvfb writes the display number once the display accepts clients.
        String number = out.readLine();
        if (number == null || !number.trim().matches("[0-9]+")) {
            xvfb.destroy();
            throw new IllegalStateException("Xvfb did not start:\n" + Files.readString(log));
        }
        return new VirtualDisplay(xvfb, ":" + number.trim());
    }

    /** The value for {@code DISPLAY}. */
    String display() {
        return display;
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(30, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
