package nl.learnerwallet.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Bakes badges into images (Open Badges Baking Specification 2.0): a small real PNG with an
 * {@code iTXt} chunk, and an SVG with an {@code openbadges:assertion} element. Also writes PNG
 * chunks by hand, for bad-input tests.
 */
public final class BadgeBaker {

    private BadgeBaker() {
    }

    /** A 1×1 PNG carrying the badge in an uncompressed iTXt chunk with this keyword. */
    public static byte[] png(String keyword, String badge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(signature(), 0, 8);
        writeChunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0});
        writeChunk(out, "iTXt", iTxt(keyword, badge, false));
        writeChunk(out, "IDAT", deflate(new byte[] {0, (byte) 200, 30, 30}));
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    public static byte[] png(String assertionJson) {
        return png("openbadges", assertionJson);
    }

    public static byte[] signature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    }

    /** iTXt data: keyword, NUL, compression flag and method, empty language and translated keyword, text. */
    public static byte[] iTxt(String keyword, String text, boolean compressed) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        data.write(key, 0, key.length);
        data.write(0);
        data.write(compressed ? 1 : 0);
        data.write(0);
        data.write(0);
        data.write(0);
        byte[] body = compressed ? deflate(text.getBytes(StandardCharsets.UTF_8)) : text.getBytes(StandardCharsets.UTF_8);
        data.write(body, 0, body.length);
        return data.toByteArray();
    }

    /** Writes length, type, data and the CRC of type + data. */
    public static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, crc.getValue());
    }

    public static void writeInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xff);
        out.write((int) (value >>> 16) & 0xff);
        out.write((int) (value >>> 8) & 0xff);
        out.write((int) value & 0xff);
    }

    /** An SVG carrying the assertion (with {@code verify} set to its URL), as edubadges baked them. */
    public static String svg(String assertionJson, String verifyUrl) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:openbadges=\"http://openbadges.org\" width=\"100\" height=\"100\">"
                + "<openbadges:assertion verify=\"" + verifyUrl + "\"><![CDATA[" + assertionJson + "]]></openbadges:assertion>"
                + "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"green\"/></svg>";
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }
}
