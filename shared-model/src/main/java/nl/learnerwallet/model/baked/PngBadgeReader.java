package nl.learnerwallet.model.baked;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * Finds the badge in a PNG (PNG spec §5 chunk layout; Baking Specification 2.0). Works on the
 * bytes already in memory (the caller applied the size limit): a chunk's length field is only
 * compared with what is there, never used to allocate, and every chunk's CRC is checked. No pixel
 * data is decoded.
 */
public final class PngBadgeReader {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String OB2_KEYWORD = "openbadges";
    private static final String OB3_KEYWORD = "openbadgecredential";
    /** PNG caps chunk lengths at 2^31 - 1; badge images are far smaller (the input limit is 8 MiB). */
    private static final long MAX_CHUNK = 8L * 1024 * 1024;

    private PngBadgeReader() {
    }

    public static boolean isPng(byte[] input) {
        if (input.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (input[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws UntrustedInputException {@code TRUNCATED}, {@code BAD_CHECKSUM}, {@code CHUNK_TOO_LARGE},
     *     {@code DATA_AFTER_END}, {@code TWO_BADGES}, {@code COMPRESSED_BADGE} or {@code NO_BADGE}
     */
    public static BakedBadge read(byte[] png) {
        if (!isPng(png)) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "not a PNG image");
        }
        int offset = SIGNATURE.length;
        String found = null;
        boolean ended = false;
        while (offset < png.length) {
            if (png.length - offset < 12) {
                throw new UntrustedInputException(InputProblem.TRUNCATED, "the PNG ends inside a chunk header");
            }
            long length = readUnsignedInt(png, offset);
            if (length > MAX_CHUNK) {
                throw new UntrustedInputException(InputProblem.CHUNK_TOO_LARGE, "a PNG chunk claims " + length + " bytes");
            }
            if (length > png.length - offset - 12L) {
                throw new UntrustedInputException(InputProblem.TRUNCATED, "the PNG ends inside a chunk");
            }
            int dataStart = offset + 8;
            int dataLength = (int) length;
            String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(png, offset + 4, 4 + dataLength);
            if (crc.getValue() != readUnsignedInt(png, dataStart + dataLength)) {
                throw new UntrustedInputException(InputProblem.BAD_CHECKSUM, "the PNG chunk " + type + " is damaged");
            }
            String badge = badgeIn(type, png, dataStart, dataLength);
            if (badge != null) {
                if (found != null) {
                    throw new UntrustedInputException(InputProblem.TWO_BADGES, "the PNG carries more than one badge");
                }
                found = badge;
            }
            offset = dataStart + dataLength + 4;
            if (type.equals("IEND")) {
                ended = true;
                break;
            }
        }
        if (!ended) {
            throw new UntrustedInputException(InputProblem.TRUNCATED, "the PNG has no end chunk");
        }
        if (offset != png.length) {
            // A reader that does not stop at IEND would find whatever was appended (another badge,
            // say): what the image carries must not depend on which reader looks.
            throw new UntrustedInputException(InputProblem.DATA_AFTER_END, "the PNG goes on after its end chunk");
        }
        if (found == null) {
            throw new UntrustedInputException(InputProblem.NO_BADGE, "the PNG carries no badge");
        }
        return new BakedBadge(BakedBadge.Image.PNG, found.trim());
    }

    /** The badge text in this chunk, or null when the chunk is not a badge chunk. */
    private static String badgeIn(String type, byte[] png, int start, int length) {
        if (!type.equals("iTXt") && !type.equals("tEXt") && !type.equals("zTXt")) {
            return null;
        }
        int keywordEnd = indexOfZero(png, start, start + length);
        if (keywordEnd < 0) {
            return null;
        }
        String keyword = new String(png, start, keywordEnd - start, StandardCharsets.ISO_8859_1);
        boolean ob2 = keyword.equals(OB2_KEYWORD);
        boolean ob3 = keyword.equals(OB3_KEYWORD);
        if (!ob2 && !ob3) {
            return null;
        }
        int end = start + length;
        if (type.equals("zTXt")) {
            throw new UntrustedInputException(InputProblem.COMPRESSED_BADGE, "the badge is stored compressed");
        }
        if (type.equals("tEXt")) {
            return new String(png, keywordEnd + 1, end - keywordEnd - 1, StandardCharsets.ISO_8859_1);
        }
        // iTXt: keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
        int flag = keywordEnd + 1;
        if (flag + 2 > end) {
            throw new UntrustedInputException(InputProblem.TRUNCATED, "the badge chunk is cut short");
        }
        if (png[flag] != 0) {
            throw new UntrustedInputException(InputProblem.COMPRESSED_BADGE, "the badge is stored compressed");
        }
        int languageEnd = indexOfZero(png, flag + 2, end);
        int translatedEnd = languageEnd < 0 ? -1 : indexOfZero(png, languageEnd + 1, end);
        if (translatedEnd < 0) {
            throw new UntrustedInputException(InputProblem.TRUNCATED, "the badge chunk is cut short");
        }
        return new String(png, translatedEnd + 1, end - translatedEnd - 1, StandardCharsets.UTF_8);
    }

    private static int indexOfZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static long readUnsignedInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }
}
