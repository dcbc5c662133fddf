package nl.learnerwallet.model.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import nl.learnerwallet.model.verify.Reason;

/**
 * Inflates the compressed bytes of a status list under a cap. Both list formats are a few KiB on
 * the wire that may inflate to anything: the output grows as bytes come out and the inflation
 * stops at the cap, so a decompression bomb costs at most the cap in memory.
 */
final class StatusListBytes {

    /** Opens a decompressing stream (GZIP, zlib) over the compressed bytes. */
    interface Decompression {
        InputStream open(InputStream compressed) throws IOException;
    }

    private static final int FIRST_BUFFER = 64 * 1024;

    private StatusListBytes() {
    }

    /**
     * @param format the compression's name, for the message
     * @throws InvalidStatusListException {@code STATUS_LIST_INVALID} when the bytes are not in that
     *     format or inflate past {@code maxBytes}
     */
    static byte[] inflate(byte[] compressed, Decompression decompression, String format, int maxBytes)
            throws InvalidStatusListException {
        byte[] out = new byte[Math.min(FIRST_BUFFER, maxBytes + 1)];
        int length = 0;
        try (InputStream in = decompression.open(new ByteArrayInputStream(compressed))) {
            int read;
            while ((read = in.read(out, length, out.length - length)) > 0) {
                length += read;
                if (length > maxBytes) {
                    throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID,
                            "the status list inflates past " + maxBytes + " bytes");
                }
                if (length == out.length) {
                    out = Arrays.copyOf(out, Math.min(out.length * 2, maxBytes + 1));
                }
            }
        } catch (IOException e) {
            throw new InvalidStatusListException(Reason.STATUS_LIST_INVALID, "the status list is not " + format);
        }
        return Arrays.copyOf(out, length);
    }
}
