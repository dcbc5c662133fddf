package nl.learnerwallet.client.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes of share links as a grid of modules (zxing core, no AWT or Android), which the clients
 * draw: a PNG on the desktop, a bitmap on Android, half-block characters in a terminal. Error
 * correction M, a quiet zone of four modules, as phone cameras expect.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /** The modules of a QR code for the text; {@code true} is dark. */
    public static boolean[][] encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
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
