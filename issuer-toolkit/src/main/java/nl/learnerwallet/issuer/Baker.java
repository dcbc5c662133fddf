package nl.learnerwallet.issuer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import nl.learnerwallet.model.CredentialCards;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.baked.SvgBadgeReader;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CredentialFormatException;

/**
 * Bakes a badge into an image, so that the image is the credential: an Open Badges 3.0 credential
 * (a VC-JWT, or JSON with an embedded proof) into a PNG {@code iTXt} chunk with the keyword
 * {@code openbadgecredential} or an SVG {@code <openbadges:credential>} element
 * (namespace {@value #OB3_NAMESPACE}; a JWT in its {@code verify} attribute, JSON as its content), as
 * the OB 3.0 specification's baking section says; an Open Badges 2.0 assertion into {@code iTXt}
 * {@code openbadges} or {@code <openbadges:assertion>} (Baking Specification 2.0). Without an image
 * a simple one is made (pure Java: no AWT, no fonts). What it bakes is read back with shared-model's
 * {@link PngBadgeReader} and {@link SvgBadgeReader}, the readers wallets use, before it is returned.
 *
 * <p>This is production code, not test-support's {@code BadgeBaker}: the toolkit cannot depend on
 * test-support (shared-model's tests use test-support, and the toolkit depends on shared-model),
 * and this one checks the image it is given instead of trusting it.
 */
public final class Baker {

    static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    static final String OB2_NAMESPACE = "http://openbadges.org";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int SIZE = 128;

    private Baker() {
    }

    /** The badge in a credential file: which Open Badges version, and the text to bake. */
    private record Badge(boolean ob3, String payload, String title) {
        boolean json() {
            return payload.startsWith("{");
        }
    }

    /**
     * @param credential the credential file's bytes (VC-JWT, OB 3.0 JSON, OB 2.0 assertion, or a baked image)
     * @param image a PNG to bake into, or null for a generated one
     * @throws IssuerException {@code NOT_BAKEABLE} [format] when it is not an Open Badge (an SD-JWT VC);
     *     {@code BAD_IMAGE} [an {@link InputProblem} name] when the image is not a sound PNG
     */
    public static byte[] png(byte[] credential, byte[] image) {
        Badge badge = badge(credential);
        byte[] base = image != null ? image : generatedPng();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        boolean first = true;
        for (Chunk chunk : chunks(base)) {
            if (first && !chunk.type.equals("IHDR")) {
                throw badImage(InputProblem.TRUNCATED, "the PNG does not start with its header chunk");
            }
            if (!isBadgeChunk(chunk)) {
                writeChunk(out, chunk.type, chunk.data);
            }
            if (first) {
                writeChunk(out, "iTXt", iTxt(badge.ob3() ? "openbadgecredential" : "openbadges", badge.payload()));
                first = false;
            }
        }
        byte[] baked = out.toByteArray();
        if (!PngBadgeReader.read(baked).payload().equals(badge.payload())) {
            throw new IllegalStateException("the baked PNG does not read back as the badge");
        }
        return baked;
    }

    /**
     * @param image an SVG to bake into, or null for a generated one
     * @throws IssuerException {@code NOT_BAKEABLE} [format]; {@code BAD_IMAGE} [an {@link InputProblem} name] when the
     *     image is not a well-formed SVG without DOCTYPE; {@code ALREADY_BAKED} when it carries a badge
     */
    public static String svg(byte[] credential, String image) {
        Badge badge = badge(credential);
        String base = image != null ? checkedSvg(image) : generatedSvg(badge.title());
        int start = rootElementStart(base);
        int end = startTagEnd(base, start);
        boolean selfClosing = base.charAt(end - 1) == '/';
        String tag = base.substring(start, selfClosing ? end - 1 : end);
        StringBuilder baked = new StringBuilder(base.substring(0, start)).append(tag);
        if (!tag.matches("(?s).*\\sxmlns:openbadges\\s*=.*")) {
            baked.append(" xmlns:openbadges=\"").append(badge.ob3() ? OB3_NAMESPACE : OB2_NAMESPACE).append('"');
        }
        baked.append('>').append(element(badge));
        baked.append(selfClosing ? "</svg>" + base.substring(end + 1) : base.substring(end + 1));
        String result = baked.toString();
        if (!SvgBadgeReader.read(result).payload().equals(badge.payload())) {
            throw new IllegalStateException("the baked SVG does not read back as the badge");
        }
        return result;
    }

    private static Badge badge(byte[] credential) {
        ReadCredential read;
        try {
            read = CredentialReader.read(credential);
        } catch (UntrustedInputException e) {
            throw new IssuerException(IssuerException.Problem.NOT_BAKEABLE, "not a credential: " + e.getMessage(), e,
                    "unknown");
        }
        boolean ob3 = read.format() == CredentialFormat.OB3_JWT || read.format() == CredentialFormat.OB3_DI;
        if (!ob3 && read.format() != CredentialFormat.OB2_HOSTED && read.format() != CredentialFormat.OB2_SIGNED) {
            throw new IssuerException(IssuerException.Problem.NOT_BAKEABLE, "only Open Badges can be baked",
                    read.format().id());
        }
        String title = null;
        try {
            title = CredentialCards.of(read).title();
        } catch (CredentialFormatException | UntrustedInputException | IllegalArgumentException e) {
            // a hosted badge's title is on its issuer's server: the image goes without
        }
        return new Badge(ob3, read.encoded().trim(), title);
    }

    private static String element(Badge badge) {
        String name = badge.ob3() ? "openbadges:credential" : "openbadges:assertion";
        if (!badge.json()) {
            // A compact JWS, or a hosted assertion's URL, goes in the verify attribute.
            return "<" + name + " verify=\"" + escape(badge.payload()) + "\"></" + name + ">";
        }
        String verify = "";
        if (!badge.ob3()) {
            String id = assertionId(badge.payload());
            verify = id == null ? "" : " verify=\"" + escape(id) + "\"";
        }
        return "<" + name + verify + "><![CDATA[" + badge.payload().replace("]]>", "]]]]><![CDATA[>") + "]]></" + name + ">";
    }

    /** An OB 2.0 hosted assertion's own URL, which Baking 2.0 puts in {@code verify}. */
    private static String assertionId(String json) {
        try {
            String id = nl.learnerwallet.model.json.StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)).path("id").asText(null);
            return id != null && (id.startsWith("https://") || id.startsWith("http://")) ? id : null;
        } catch (UntrustedInputException e) {
            return null;
        }
    }

    // ---- PNG

    private record Chunk(String type, byte[] data) {
    }

    /** The chunks of a PNG, every length checked against what is there and every CRC checked; no pixel decoded. */
    private static java.util.List<Chunk> chunks(byte[] png) {
        if (png.length > CredentialReader.MAX_INPUT_BYTES) {
            throw badImage(InputProblem.TOO_LARGE, "the image is larger than 8 MiB");
        }
        if (!PngBadgeReader.isPng(png)) {
            throw badImage(InputProblem.UNKNOWN_FORMAT, "the image is not a PNG");
        }
        java.util.List<Chunk> chunks = new java.util.ArrayList<>();
        int offset = PNG_SIGNATURE.length;
        while (true) {
            if (png.length - offset < 12) {
                throw badImage(InputProblem.TRUNCATED, "the PNG is cut short");
            }
            long length = readInt(png, offset);
            if (length > png.length - offset - 12L) {
                throw badImage(InputProblem.TRUNCATED, "the PNG is cut short");
            }
            String type = new String(png, offset + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(png, offset + 4, 4 + (int) length);
            if (crc.getValue() != readInt(png, offset + 8 + (int) length)) {
                throw badImage(InputProblem.BAD_CHECKSUM, "the PNG is damaged");
            }
            byte[] data = java.util.Arrays.copyOfRange(png, offset + 8, offset + 8 + (int) length);
            chunks.add(new Chunk(type, data));
            offset += 12 + (int) length;
            if (type.equals("IEND")) {
                return chunks;
            }
        }
    }

    /** A text chunk that holds a badge already: baking again replaces it. */
    private static boolean isBadgeChunk(Chunk chunk) {
        if (!chunk.type.equals("iTXt") && !chunk.type.equals("tEXt") && !chunk.type.equals("zTXt")) {
            return false;
        }
        int end = 0;
        while (end < chunk.data.length && chunk.data[end] != 0) {
            end++;
        }
        String keyword = new String(chunk.data, 0, end, StandardCharsets.ISO_8859_1);
        return keyword.equals("openbadges") || keyword.equals("openbadgecredential");
    }

    /** iTXt: keyword, NUL, compression flag 0 and method 0, empty language and translated keyword, UTF-8 text. */
    private static byte[] iTxt(String keyword, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        data.write(key, 0, key.length);
        data.write(new byte[] {0, 0, 0, 0, 0}, 0, 5);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        data.write(body, 0, body.length);
        return data.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.write(typeBytes, 0, 4);
        out.write(data, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, crc.getValue());
    }

    /** A 128 × 128 RGBA medal, drawn pixel by pixel: a teal disc with a white ring on a transparent ground. */
    private static byte[] generatedPng() {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        double centre = (SIZE - 1) / 2.0;
        for (int y = 0; y < SIZE; y++) {
            pixels.write(0); // filter: none
            for (int x = 0; x < SIZE; x++) {
                double distance = Math.hypot(x - centre, y - centre);
                boolean ring = distance >= 48 && distance < 53;
                boolean disc = distance < 62;
                int[] rgba = !disc ? new int[] {0, 0, 0, 0} : ring ? new int[] {255, 255, 255, 255} : new int[] {11, 110, 117, 255};
                for (int channel : rgba) {
                    pixels.write(channel);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, SIZE);
        writeInt(header, SIZE);
        header.write(new byte[] {8, 6, 0, 0, 0}, 0, 5); // 8 bits, RGBA, deflate, no filter method, no interlace
        writeChunk(out, "IHDR", header.toByteArray());
        writeChunk(out, "IDAT", deflate(pixels.toByteArray()));
        writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            deflating.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static long readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16) | ((bytes[offset + 2] & 0xffL) << 8)
                | (bytes[offset + 3] & 0xffL);
    }

    private static void writeInt(ByteArrayOutputStream out, long value) {
        out.write((int) (value >>> 24) & 0xff);
        out.write((int) (value >>> 16) & 0xff);
        out.write((int) (value >>> 8) & 0xff);
        out.write((int) value & 0xff);
    }

    // ---- SVG

    /** The image as it is given, if it is a well-formed SVG without DOCTYPE that carries no badge yet. */
    private static String checkedSvg(String image) {
        if (image.length() > CredentialReader.MAX_INPUT_BYTES) {
            throw badImage(InputProblem.TOO_LARGE, "the image is larger than 8 MiB");
        }
        try {
            SvgBadgeReader.read(image);
        } catch (UntrustedInputException e) {
            if (e.problem() == InputProblem.NO_BADGE) {
                return image;
            }
            throw new IssuerException(IssuerException.Problem.BAD_IMAGE, "the SVG cannot be baked into: " + e.getMessage(), e,
                    e.problem().name());
        }
        throw new IssuerException(IssuerException.Problem.ALREADY_BAKED, "the SVG carries a badge already");
    }

    /** Where the root {@code <svg} start tag begins, after the XML declaration, comments and processing instructions. */
    private static int rootElementStart(String svg) {
        int position = svg.startsWith("\uFEFF") ? 1 : 0;
        while (position < svg.length()) {
            char c = svg.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (svg.startsWith("<?", position)) {
                position = after(svg, "?>", position);
            } else if (svg.startsWith("<!--", position)) {
                position = after(svg, "-->", position);
            } else if (svg.startsWith("<svg", position) && position + 4 < svg.length()
                    && (Character.isWhitespace(svg.charAt(position + 4)) || svg.charAt(position + 4) == '>'
                    || svg.charAt(position + 4) == '/')) {
                return position;
            } else {
                break;
            }
        }
        throw badImage(InputProblem.UNKNOWN_FORMAT, "the image's root element is not <svg>");
    }

    /** The index of the {@code >} that ends the start tag at {@code start}, quoted attribute values skipped. */
    private static int startTagEnd(String svg, int start) {
        char quote = 0;
        for (int i = start; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw badImage(InputProblem.NOT_XML, "the <svg> start tag does not end");
    }

    private static int after(String text, String end, int from) {
        int found = text.indexOf(end, from);
        if (found < 0) {
            throw badImage(InputProblem.NOT_XML, "the SVG is not well-formed");
        }
        return found + end.length();
    }

    /** A 256 × 256 medal with the credential's title, when it has one. */
    private static String generatedSvg(String title) {
        String label = title == null ? "" : title.length() > 28 ? title.substring(0, 27) + "\u2026" : title;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">\n"
                + (title == null ? "" : "<title>" + escape(title) + "</title>\n")
                + "<circle cx=\"128\" cy=\"128\" r=\"124\" fill=\"#0b6e75\"/>\n"
                + "<circle cx=\"128\" cy=\"128\" r=\"100\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"8\"/>\n"
                + "<text x=\"128\" y=\"134\" font-family=\"sans-serif\" font-size=\"15\" text-anchor=\"middle\" fill=\"#ffffff\">"
                + escape(label) + "</text>\n"
                + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static IssuerException badImage(InputProblem problem, String message) {
        return new IssuerException(IssuerException.Problem.BAD_IMAGE, message, problem.name());
    }
}
