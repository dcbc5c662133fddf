package nl.learnerwallet.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.zip.InflaterInputStream;
import nl.learnerwallet.model.jose.Base64UrlText;
import nl.learnerwallet.model.verify.Reason;

/**
 * A decoded IETF Token Status List (draft-ietf-oauth-status-list, §"Status List"): the
 * {@code status_list} object {@code {"bits": 1|2|4|8, "lst": base64url(zlib(bytes))}}. The status
 * of index {@code i} is the {@code bits} bits at bit position {@code i * bits}, counted from the
 * least significant bit of the first byte: with one bit per status, index 0 is bit 0 (value 1) of
 * byte 0 and index 8 is bit 0 of byte 1.
 */
public final class TokenStatusList {

    /** The draft's registry: the token is valid. */
    public static final int VALID = 0x00;
    /** The token is revoked or otherwise invalid, for good. */
    public static final int INVALID = 0x01;
    /** The token is suspended for now. */
    public static final int SUSPENDED = 0x02;
    /** Far above any real list (16 M one-bit entries); a list inflating past this is a decompression bomb. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final int bits;
    private final byte[] list;

    private TokenStatusList(int bits, byte[] list) {
        this.bits = bits;
        this.list = list;
    }

    /**
     * @param statusList the {@code status_list} claim of a status list token
     * @throws InvalidStatusListException {@code STATUS_LIST_INVALID} when {@code bits} is not 1, 2, 4
     *     or 8, {@code lst} is not strict base64url of zlib, or it inflates past {@link #MAX_BYTES}
     */
    public static TokenStatusList decode(JsonNode statusList) throws InvalidStatusListException {
        JsonNode bits = statusList.path("bits");
        int size = bits.isIntegralNumber() && bits.canConvertToInt() ? bits.intValue() : 0;
        if (size != 1 && size != 2 && size != 4 && size != 8) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID, "bits is not 1, 2, 4 or 8");
        }
        JsonNode lst = statusList.path("lst");
        if (!lst.isTextual() || !Base64UrlText.isStrict(lst.asText())) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID, "lst is not base64url");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(lst.asText());
        return new TokenStatusList(size, StatusListBytes.inflate(compressed, InflaterInputStream::new, "zlib", MAX_BYTES));
    }

    /** Bits per status: 1, 2, 4 or 8. */
    public int bits() {
        return bits;
    }

    /** How many statuses the list holds. */
    public long size() {
        return list.length * 8L / bits;
    }

    /**
     * The status of the token at {@code index}: {@link #VALID}, {@link #INVALID}, {@link #SUSPENDED}
     * or another value up to {@code 2^bits - 1}.
     *
     * @throws InvalidStatusListException {@code STATUS_INDEX_OUT_OF_RANGE}
     */
    public int statusOf(long index) throws InvalidStatusListException {
        if (index < 0 || index >= size()) {
            throw new InvalidStatusListException(Reason.STATUS_INDEX_OUT_OF_RANGE, "the status index is outside the list");
        }
        long position = index * bits;
        int octet = list[(int) (position / 8)] & 0xFF;
        return (octet >>> (int) (position % 8)) & ((1 << bits) - 1);
    }
}
