package nl.learnerwallet.client.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes of share links as a grid of modules (zxing core, no AWT or Android), which the clients
 * draw: a PNG on the desktop, a bitmap on Android, half-block characters in a terminal. Error
 * correction M, a quiet zone of four modules, as phone cameras expect.
 */
public final class QrCodes {

    /**
     * The largest QR version we expect a phone to read reliably. Version 25 is 117 modules a side
     * (125 with the quiet zone): shown 5 cm wide on a phone screen or a printed page, a module is
     * 0.4 mm, about the smallest that phone cameras still resolve at arm's length and with the
     * blur of a hand-held shot; each version past it adds four modules a side and makes them
     * smaller still. At error correction M it holds 1,451 alphanumeric characters, so an
     * {@code LW1:} offline presentation of about 960 compressed bytes.
     */
    public static final int MAX_PHONE_SCANNABLE_VERSION = 25;

    private QrCodes() {
    }

    /** The modules of a QR code for the text; {@code true} is dark. */
    public static boolean[][] encode(String text) {
        Map<EncodeHintType, Object> hints = hints();
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    modules[y][x] = matrix.get(x, y);
                }
            }
            return modules;
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
    }

    /**
     * The QR version (1 to 40) that {@link #encode} uses for the text: the smallest that holds it at
     * error correction M, in the mode zxing picks (alphanumeric for an {@code LW1:} offline
     * presentation, whose characters are all in that set). Compare it with
     * {@link #MAX_PHONE_SCANNABLE_VERSION} to decide between a QR code and a link.
     *
     * @throws IllegalArgumentException when the text does not fit in a QR code at all
     */
    public static int versionFor(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M, hints()).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
    }

    private static Map<EncodeHintType, Object> hints() {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }

    /**
     * The QR code drawn with Unicode half blocks, two rows of modules per line, dark on light as
     * printed (terminals with a dark background show the light quiet zone around it).
     */
    public static String terminal(boolean[][] modules) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < modules.length; y += 2) {
            for (int x = 0; x < modules[y].length; x++) {
                boolean top = modules[y][x];
                boolean bottom = y + 1 < modules.length && modules[y + 1][x];
                // Light is drawn with a full block so the code reads on dark terminals too.
                out.append(top ? (bottom ? ' ' : '\u2584') : (bottom ? '\u2580' : '\u2588'));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
