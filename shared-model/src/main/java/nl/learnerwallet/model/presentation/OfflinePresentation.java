package nl.learnerwallet.model.presentation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base45;

/**
 * The offline QR form of a compact presentation (DESIGN.md, "Presentations"): {@code LW1:}
 * followed by the Base45 (RFC 9285) encoding of the presentation compressed as a zlib stream
 * (RFC 1950). Base45's alphabet is exactly the QR alphanumeric character set, and so is the
 * prefix, so the whole text goes into a QR code in alphanumeric mode (5.5 bits a character).
 *
 * <p>A compact presentation (a JWT, an SD-JWT, an SD-JWT+KB) is visible ASCII; nothing else is
 * encoded or accepted. {@link #decode} treats the scanned text as hostile and refuses it, with an
 * {@link UntrustedInputException} whose {@link InputProblem} says why, before it has done more work
 * than the limits here allow.
 */
public final class OfflinePresentation {

    public static final String PREFIX = "LW1:";

    /**
     * The most characters any QR code holds (version 40, error correction L, alphanumeric mode):
     * longer text cannot have come from a QR code and is refused before it is decoded.
     */
    public static final int MAX_TEXT_LENGTH = 4296;

    /**
     * The most bytes a presentation may inflate to. A QR code's 3 KB of zlib could otherwise
     * expand to megabytes (a zlib bomb); real presentations are a few KB.
     */
    public static final int MAX_PRESENTATION_BYTES = 64 * 1024;

    // commons-codec's Base45 refuses characters outside the alphabet, groups of three above
    // 65535, a final pair above 255 and a lone final character; STRICT is asked for by name so
    // that a change of the library's default cannot make it lenient.
    private static final Base45 BASE45 = Base45.builder().setDecodingPolicy(CodecPolicy.STRICT).get();

    private OfflinePresentation() {
    }

    /** Whether the text is meant to be an offline presentation (it may still be refused by {@link #decode}). */
    public static boolean looksLike(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /**
     * The {@code LW1:} text for a compact presentation.
     *
     * @throws IllegalArgumentException when the presentation is empty or not visible ASCII
     *     (no compact serialization is)
     * @throws TooLargeForQrException when the presentation is larger than {@link #MAX_PRESENTATION_BYTES}
     *     or its text would be longer than {@link #MAX_TEXT_LENGTH}
     */
    public static String encode(String compactPresentation) {
        Objects.requireNonNull(compactPresentation, "compactPresentation");
        if (compactPresentation.isEmpty() || !isVisibleAscii(compactPresentation)) {
            throw new IllegalArgumentException("a compact presentation is non-empty visible ASCII");
        }
        byte[] bytes = compactPresentation.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > MAX_PRESENTATION_BYTES) {
            throw new TooLargeForQrException("the presentation has " + bytes.length + " bytes, more than "
                    + MAX_PRESENTATION_BYTES + " for an offline QR code");
        }
        String text = PREFIX + toBase45(deflate(bytes));
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new TooLargeForQrException("the offline presentation needs " + text.length()
                    + " characters, more than the " + MAX_TEXT_LENGTH + " of the largest QR code");
        }
        return text;
    }

    /**
     * The compact presentation in a scanned {@code LW1:} text. It is not verified here: that is
     * {@link PresentationVerifier}'s work.
     *
     * @throws UntrustedInputException {@code TOO_LARGE} when the text is longer than
     *     {@link #MAX_TEXT_LENGTH} or inflates beyond {@link #MAX_PRESENTATION_BYTES};
     *     {@code UNKNOWN_FORMAT} when it does not start with {@code LW1:};
     *     {@code MALFORMED_TOKEN} when it is not Base45, or not one complete zlib stream and
     *     nothing after it, or holds an empty presentation; {@code TRUNCATED} when the zlib
     *     stream ends early; {@code NOT_TEXT} when the presentation is not visible ASCII
     */
    public static String decode(String qrText) {
        Objects.requireNonNull(qrText, "qrText");
        if (qrText.length() > MAX_TEXT_LENGTH) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE,
                    "the text is longer than the largest QR code holds");
        }
        if (!looksLike(qrText)) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "not an offline presentation (no LW1: prefix)");
        }
        byte[] presentation = inflate(fromBase45(qrText.substring(PREFIX.length())), MAX_PRESENTATION_BYTES);
        if (presentation.length == 0) {
            throw new UntrustedInputException(InputProblem.MALFORMED_TOKEN, "the offline presentation is empty");
        }
        // Latin-1 turns each byte into one character, so every byte above 0x7F (any UTF-8 that is
        // not ASCII, well-formed or not) and every control byte is refused by the check below.
        String text = new String(presentation, StandardCharsets.ISO_8859_1);
        if (!isVisibleAscii(text)) {
            throw new UntrustedInputException(InputProblem.NOT_TEXT,
                    "the offline presentation is not a compact serialization (visible ASCII)");
        }
        return text;
    }

    static String toBase45(byte[] bytes) {
        return BASE45.encodeToString(bytes);
    }

    /** @throws UntrustedInputException {@code MALFORMED_TOKEN} when the text is not strict Base45 */
    static byte[] fromBase45(String text) {
        try {
            return BASE45.decode(text);
        } catch (IllegalArgumentException e) {
            throw new UntrustedInputException(InputProblem.MALFORMED_TOKEN, "the offline presentation is not Base45", e);
        }
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION); // zlib wrapper, not gzip
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                int length = deflater.deflate(buffer);
                out.write(buffer, 0, length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Inflates one zlib stream into a buffer one byte larger than {@code limit}: a stream that
     * fills it is refused there, while inflating, so a bomb never gets more memory than that.
     */
    static byte[] inflate(byte[] zlib, int limit) {
        Inflater inflater = new Inflater(); // zlib wrapper (RFC 1950): a gzip header is refused
        try {
            inflater.setInput(zlib);
            byte[] out = new byte[limit + 1];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    throw new UntrustedInputException(InputProblem.TOO_LARGE,
                            "the offline presentation inflates to more than " + limit + " bytes");
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                length += inflated;
                if (inflated == 0 && length < out.length && !inflater.finished()) {
                    if (inflater.needsInput()) {
                        throw new UntrustedInputException(InputProblem.TRUNCATED, "the zlib stream is cut short");
                    }
                    // A preset dictionary (which we never use) or a stream that no longer moves.
                    throw new UntrustedInputException(InputProblem.MALFORMED_TOKEN, "the zlib stream cannot be inflated");
                }
            }
            if (length > limit) {
                throw new UntrustedInputException(InputProblem.TOO_LARGE,
                        "the offline presentation inflates to more than " + limit + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new UntrustedInputException(InputProblem.MALFORMED_TOKEN, "data follows the zlib stream");
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new UntrustedInputException(InputProblem.MALFORMED_TOKEN, "the zlib stream is damaged", e);
        } finally {
            inflater.end();
        }
    }

    private static boolean isVisibleAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
