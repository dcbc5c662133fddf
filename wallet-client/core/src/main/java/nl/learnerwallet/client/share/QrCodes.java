package nl.learnerwallet.client.share;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes of share links as a grid of modules (zxing core, no AWT or Android), which the clients
 * draw: a PNG on the desktop, a bitmap on Android, half-block characters in a terminal. Error
 * correction M, a quiet zone of four modules, as phone cameras expect. And reading one back from
 * the pixels of a picture, which each client gets from its own image library.
 */
public final class QrCodes {

    /**
     * The largest QR version an offline presentation may need. Offline codes are drawn at error
     * correction L: their content is signed, so a misread module can only make verification fail,
     * never pass, and they are shown on a screen or printed, not worn. Version 35 is 157 modules a
     * side: full-screen on a phone (6–7 cm) or printed 8 cm wide a module is about 0.45 mm, which
     * phone cameras resolve at reading distance; past it modules shrink below what a hand-held shot
     * reads. It holds 3,351 alphanumeric characters — an {@code LW1:} presentation of about
     * 2,230 compressed bytes. A typical SD-JWT microcredential with a few claims disclosed needs
     * version 30–32; all claims of one with every EU element needs more, and is refused.
     */
    public static final int MAX_OFFLINE_VERSION = 35;

    private QrCodes() {
    }

    /** The modules of a QR code for a share link (error correction M); {@code true} is dark. */
    public static boolean[][] encode(String text) {
        return encode(text, ErrorCorrectionLevel.M);
    }

    /** The modules of an offline presentation's QR code (error correction L, see {@link #MAX_OFFLINE_VERSION}). */
    public static boolean[][] encodeOffline(String text) {
        return encode(text, ErrorCorrectionLevel.L);
    }

    private static boolean[][] encode(String text, ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = hints(level);
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
     * error correction M, in the mode zxing picks.
     *
     * @throws IllegalArgumentException when the text does not fit in a QR code at all
     */
    public static int versionFor(String text) {
        return versionFor(text, ErrorCorrectionLevel.M);
    }

    /**
     * The QR version that {@link #encodeOffline} uses (error correction L; alphanumeric mode for an
     * {@code LW1:} text, whose characters are all in that set). Compare it with
     * {@link #MAX_OFFLINE_VERSION} to decide between an offline QR code and a link.
     *
     * @throws IllegalArgumentException when the text does not fit in a QR code at all
     */
    public static int offlineVersionFor(String text) {
        return versionFor(text, ErrorCorrectionLevel.L);
    }

    private static int versionFor(String text, ErrorCorrectionLevel level) {
        try {
            return Encoder.encode(text, level, hints(level)).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
    }

    private static Map<EncodeHintType, Object> hints(ErrorCorrectionLevel level) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, level);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        return hints;
    }

    /**
     * The text of the QR code in a picture, given as its pixels (ARGB, row by row). zxing's
     * finder-pattern search misses some perfectly drawn codes (about one in a thousand of ours,
     * found by a test); a photo's noise hides that. So: the hybrid binariser first, then the
     * global one, then the search for a clean, axis-aligned code.
     *
     * @throws IllegalArgumentException when the picture holds no readable QR code
     */
    public static String decode(int width, int height, int[] argb) {
        LuminanceSource source = new RGBLuminanceSource(width, height, overWhite(argb));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
            } catch (NotFoundException | ChecksumException | FormatException first) {
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new GlobalHistogramBinarizer(source)), hints).getText();
                } catch (NotFoundException | ChecksumException | FormatException second) {
                    hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
                }
            }
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new IllegalArgumentException("the picture holds no readable QR code", e);
        }
    }

    /** The pixels laid on white: a transparent background must read as light, not as the black its RGB says. */
    private static int[] overWhite(int[] argb) {
        int[] opaque = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int alpha = argb[i] >>> 24;
            int red = blend((argb[i] >> 16) & 0xFF, alpha);
            int green = blend((argb[i] >> 8) & 0xFF, alpha);
            int blue = blend(argb[i] & 0xFF, alpha);
            opaque[i] = 0xFF000000 | red << 16 | green << 8 | blue;
        }
        return opaque;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 0xFF * (0xFF - alpha)) / 0xFF;
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
