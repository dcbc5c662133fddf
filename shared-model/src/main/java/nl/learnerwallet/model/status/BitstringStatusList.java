package nl.learnerwallet.model.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import nl.learnerwallet.model.verify.Reason;

/**
 * A decoded Bitstring Status List: bit {@code i} is bit {@code 7 - i % 8} of byte {@code i / 8}
 * (the left-most bit of the first byte is index 0), per the specification's §"Bitstring Encoding".
 */
public final class BitstringStatusList {

    /** The specification's minimum: 16 KiB uncompressed, 131,072 entries, for herd privacy. */
    public static final int MIN_BYTES = 16 * 1024;
    /** Far above any real list (16 M entries); a list inflating past this is a decompression bomb. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A list that cannot be used; {@link #reason()} says why. */
    public static final class InvalidStatusListException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        InvalidStatusListException(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** @param encodedList multibase base64url ({@code u…}) of the GZIP'd bitstring; a bare base64url is accepted too */
    public static BitstringStatusList decode(String encodedList) throws InvalidStatusListException {
        String text = encodedList.startsWith("u") ? encodedList.substring(1) : encodedList;
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(text.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID, "the status list is not base64url");
        }
        byte[] out = new byte[64 * 1024];
        int length = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            int read;
            while ((read = in.read(out, length, out.length - length)) > 0) {
                length += read;
                if (length > MAX_BYTES) {
                    throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID,
                            "the status list inflates past " + MAX_BYTES + " bytes");
                }
                if (length == out.length) {
                    out = Arrays.copyOf(out, Math.min(out.length * 2, MAX_BYTES + 1));
                }
            }
        } catch (IOException e) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID, "the status list is not GZIP");
        }
        if (length < MIN_BYTES) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_TOO_SHORT,
                    "the status list has fewer than 131,072 entries");
        }
        return new BitstringStatusList(Arrays.copyOf(out, length));
    }

    public long size() {
        return bits.length * 8L;
    }

    /** @throws InvalidStatusListException {@code STATUS_INDEX_OUT_OF_RANGE} */
    public boolean isSet(long index) throws InvalidStatusListException {
        if (index < 0 || index >= size()) {
            throw new InvalidStatusListException(Reason.STATUS_INDEX_OUT_OF_RANGE, "the status index is outside the list");
        }
        return (bits[(int) (index / 8)] & (0x80 >>> (int) (index % 8))) != 0;
    }
}
