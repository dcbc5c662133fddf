package nl.learnerwallet.model.status;

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
        byte[] bits = StatusListBytes.inflate(compressed, GZIPInputStream::new, "GZIP", MAX_BYTES);
        if (bits.length < MIN_BYTES) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_TOO_SHORT,
                    "the status list has fewer than 131,072 entries");
        }
        return new BitstringStatusList(bits);
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
