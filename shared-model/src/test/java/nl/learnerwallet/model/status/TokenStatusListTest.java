package nl.learnerwallet.model.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.Reason;
import org.junit.jupiter.api.Test;

/** Decoding a Token Status List: the draft's own examples, and what is refused. */
class TokenStatusListTest {

    @Test
    void readsTheDraftsOneBitExampleLeastSignificantBitFirst() throws Exception {
        // draft-ietf-oauth-status-list, "Status List" example: bytes 0xB9 0xA3.
        TokenStatusList list = TokenStatusList.decode(statusList(1, "eNrbuRgAAhcBXQ"));

        assertThat(list.size()).isEqualTo(16);
        int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
        for (int index = 0; index < expected.length; index++) {
            assertThat(list.statusOf(index)).as("status %d", index).isEqualTo(expected[index]);
        }
    }

    @Test
    void readsTheDraftsTwoBitExample() throws Exception {
        // The draft's two-bit example: bytes 0xC9 0x44 0xF9.
        TokenStatusList list = TokenStatusList.decode(statusList(2, "eNo76fITAAPfAgc"));

        assertThat(list.size()).isEqualTo(12);
        int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        for (int index = 0; index < expected.length; index++) {
            assertThat(list.statusOf(index)).as("status %d", index).isEqualTo(expected[index]);
        }
    }

    @Test
    void readsEightBitStatusesAsUnsignedValues() throws Exception {
        TokenStatusList list = TokenStatusList.decode(statusList(8, lst(new byte[] {0x00, (byte) 0xFF, 0x03})));

        assertThat(list.statusOf(0)).isEqualTo(TokenStatusList.VALID);
        assertThat(list.statusOf(1)).isEqualTo(255);
        assertThat(list.statusOf(2)).isEqualTo(3);
    }

    @Test
    void refusesBitsOtherThanOneTwoFourOrEight() {
        for (String bits : new String[] {"0", "3", "16", "-1", "1.0", "\"1\"", "4294967297", "null"}) {
            ObjectNode list = (ObjectNode) StrictJson.parse(
                    ("{\"bits\":" + bits + ",\"lst\":\"eNrbuRgAAhcBXQ\"}").getBytes(StandardCharsets.UTF_8));
            assertReason(list, Reason.STATUS_LIST_INVALID);
        }
    }

    @Test
    void refusesAListThatIsNotZlib() throws Exception {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(new byte[] {(byte) 0xB9, (byte) 0xA3});
        }

        assertReason(statusList(1, Base64.getUrlEncoder().withoutPadding().encodeToString(gzipped.toByteArray())),
                Reason.STATUS_LIST_INVALID);
        assertReason(statusList(1, "eNrbuRgAAhcB"), Reason.STATUS_LIST_INVALID); // cut short
        assertReason(statusList(1, "eNrbuRgAAhcBXQ=="), Reason.STATUS_LIST_INVALID); // padded
    }

    @Test
    void anIndexOutsideTheListIsOutOfRange() throws Exception {
        TokenStatusList list = TokenStatusList.decode(statusList(2, "eNo76fITAAPfAgc"));

        for (long index : new long[] {-1, 12, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> list.statusOf(index)).isInstanceOfSatisfying(InvalidStatusListException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.STATUS_INDEX_OUT_OF_RANGE));
        }
    }

    static String lst(byte[] statuses) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(compressed)) {
            zlib.write(statuses);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    private static ObjectNode statusList(int bits, String lst) {
        return StrictJson.mapper().createObjectNode().put("bits", bits).put("lst", lst);
    }

    private static void assertReason(ObjectNode statusList, Reason reason) {
        assertThatThrownBy(() -> TokenStatusList.decode(statusList)).as(statusList.toString())
                .isInstanceOfSatisfying(InvalidStatusListException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
