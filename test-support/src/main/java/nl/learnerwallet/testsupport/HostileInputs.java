package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The attack catalogue's hostile inputs, made once for every module's catalogue: the shared-model
 * catalogue asserts what each is refused with, the wallet's that importing it writes nothing and
 * sends nothing. Each is an attempt on a credential of {@code issuer} (a trusted issuer) for
 * {@code holder}; URLs in them point at {@code attackerBase}, a server the test watches.
 */
public final class HostileInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestIssuer issuer;
    private final TestIssuer attacker = TestIssuer.es256();
    private final String attackerBase;
    private final ObjectNode payload;
    private final String genuine;

    public HostileInputs(TestIssuer issuer, String holderDid, String attackerBase) {
        this.issuer = issuer;
        this.attackerBase = attackerBase;
        this.payload = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holderDid).payload();
        this.genuine = issuer.sign(payload);
    }

    /** The credential as the issuer signed it: what every attack below starts from. */
    public String genuine() {
        return genuine;
    }

    // --- JWS / JWT ---

    /** Unsigned: {@code alg} none, spelled as given, with an empty signature. */
    public String algNone(String spelling) {
        return b64("{\"alg\":\"" + spelling + "\",\"typ\":\"JWT\"}") + "." + b64(payload.toString()) + ".";
    }

    /** HS256 keyed with the issuer's public key (its JWK JSON), the classic key-confusion attack. */
    public String hs256WithThePublicKey() {
        String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"" + issuer.keyId() + "\"}") + "." + b64(payload.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(issuer.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by the attacker, who puts their own key in the header. */
    public String embeddedAttackerJwk() {
        return attacker.signRaw("{\"alg\":\"ES256\",\"jwk\":" + attacker.publicJwk().toJSONString() + "}", payload.toString());
    }

    /** Signed by the attacker, naming a key set on the attacker's server ({@code jku}). */
    public String jkuToAttacker() {
        return attacker.signRaw("{\"alg\":\"ES256\",\"jku\":\"" + attackerBase + "/jwks.json\",\"kid\":\"a\"}",
                payload.toString());
    }

    /** Signed by the attacker, naming a certificate on the attacker's server ({@code x5u}). */
    public String x5uToAttacker() {
        return attacker.signRaw("{\"alg\":\"ES256\",\"x5u\":\"" + attackerBase + "/cert.pem\"}", payload.toString());
    }

    /** Signed by a key whose self-signed certificate rides along ({@code x5c}), anchored nowhere. */
    public String x5cSelfSigned() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
            X500Name name = new X500Name("CN=Hogeschool Utrecht");
            long now = System.currentTimeMillis();
            byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(now - 60_000), new Date(now + 86_400_000L),
                    name, pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
                    .getEncoded();
            return attacker.signRaw("{\"alg\":\"ES256\",\"x5c\":[\"" + java.util.Base64.getEncoder().encodeToString(der)
                    + "\"]}", payload.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by the issuer, with a hostile {@code kid}. */
    public String kid(String kid) {
        ObjectNode header = JSON.createObjectNode().put("alg", issuer.algorithm().getName()).put("kid", kid);
        return issuer.signRaw(header.toString(), payload.toString());
    }

    public String unknownCriticalHeader() {
        return issuer.signRaw("{\"alg\":\"ES256\",\"kid\":\"" + issuer.keyId() + "\",\"crit\":[\"urn:x:skip-checks\"],"
                + "\"urn:x:skip-checks\":true}", payload.toString());
    }

    /** RFC 7797 unencoded payload. */
    public String b64False() {
        return issuer.signRaw("{\"alg\":\"ES256\",\"kid\":\"" + issuer.keyId() + "\",\"b64\":false,\"crit\":[\"b64\"]}",
                payload.toString());
    }

    /** The genuine token with one claim changed after signing. */
    public String tamperedPayload() {
        String[] parts = genuine().split("\\.");
        ObjectNode changed = payload.deepCopy();
        ((ObjectNode) changed.get("vc")).put("name", "Master of Everything");
        return parts[0] + "." + b64(changed.toString()) + "." + parts[2];
    }

    public String twoParts() {
        String token = genuine();
        return token.substring(0, token.lastIndexOf('.'));
    }

    /** RFC 7515 JSON serialization with two signatures: the issuer's, and a broken one. */
    public String multiSignatureJson() {
        String[] parts = genuine().split("\\.");
        return "{\"payload\":\"" + parts[1] + "\",\"signatures\":[{\"protected\":\"" + parts[0] + "\",\"signature\":\""
                + parts[2] + "\"},{\"protected\":\"" + parts[0] + "\",\"signature\":\"AAAA" + parts[2].substring(4) + "\"}]}";
    }

    /** The genuine token with base64 padding on its signature (64 bytes: 86 characters and "=="). */
    public String base64Padding() {
        return genuine() + "==";
    }

    /** The genuine token with a line break inside its payload. */
    public String base64Whitespace() {
        String token = genuine();
        int at = token.indexOf('.') + 10;
        return token.substring(0, at) + "\r\n " + token.substring(at);
    }

    /** The genuine token in the standard base64 alphabet ({@code +} and {@code /}). */
    public String base64StandardAlphabet() {
        for (int attempt = 0; attempt < 100; attempt++) {
            String token = attempt == 0 ? genuine : issuer.sign(payload);
            if (token.indexOf('-') >= 0 || token.indexOf('_') >= 0) {
                return token.replace('-', '+').replace('_', '/');
            }
        }
        throw new IllegalStateException("no token with - or _ in 100 signatures");
    }

    /** Signed by the issuer, with a NumericDate claim set to this raw JSON value. */
    public String numericDate(String claim, String rawJson) {
        ObjectNode changed = payload.deepCopy();
        try {
            changed.set(claim, JSON.readTree(rawJson));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return issuer.signRaw(header(), changed.toString());
    }

    /** Signed by the issuer, typed as something that is not a credential (a key-binding JWT, say). */
    public String typed(String typ) {
        return issuer.signRaw("{\"alg\":\"ES256\",\"typ\":\"" + typ + "\",\"kid\":\"" + issuer.keyId() + "\"}", payload.toString());
    }

    /** A password-based JWE algorithm asking for 2^31 - 1 PBKDF2 iterations, as a compact JWS. */
    public String pbes2HugeIterations() {
        return b64("{\"alg\":\"PBES2-HS512+A256KW\",\"p2c\":2147483647,\"p2s\":\"c2FsdA\",\"enc\":\"A256GCM\"}")
                + "." + b64(payload.toString()) + ".AAAA";
    }

    /** The same as a five-part JWE. */
    public String pbes2HugeIterationsJwe() {
        return b64("{\"alg\":\"PBES2-HS512+A256KW\",\"p2c\":2147483647,\"p2s\":\"c2FsdA\",\"enc\":\"A256GCM\"}")
                + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    }

    /** Signed by the issuer, with a 64 KiB header. */
    public String header64KiB() {
        return issuer.signRaw("{\"alg\":\"ES256\",\"kid\":\"" + issuer.keyId() + "\",\"x\":\"" + "x".repeat(64 * 1024) + "\"}",
                payload.toString());
    }

    /** Signed by the issuer, one mebibyte long. */
    public String token1MiB() {
        ObjectNode big = payload.deepCopy();
        big.put("padding", "p".repeat(1024 * 1024));
        return issuer.sign(big);
    }

    // --- JSON ---

    public static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] millionDigitNumber() {
        return ("{\"ects\":" + "9".repeat(1_000_000) + "}").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] beyondDouble() {
        return "{\"ects\":1e309}".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] duplicateKeys() {
        return "{\"type\":\"Assertion\",\"recipient\":{\"identity\":\"a\"},\"recipient\":{\"identity\":\"b\"}}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An overlong encoding of "/" (C0 AF), which lenient decoders read as "/". */
    public static byte[] overlongUtf8() {
        return join("{\"id\":\"https://issuer.example/..".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC0, (byte) 0xAF},
                "etc\"}".getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] invalidUtf8() {
        return join("{\"name\":\"".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\"}".getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] loneSurrogate() {
        return "{\"name\":\"Badge \\ud800\"}".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rawNul() {
        return join("{\"name\":\"Badge".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, "\"}".getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] byteOrderMark() {
        return join(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"type\":\"Assertion\"}".getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] twentyMebibyteString() {
        byte[] out = new byte[20 * 1024 * 1024 + 12];
        Arrays.fill(out, (byte) 'a');
        byte[] start = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, out, 0, start.length);
        out[out.length - 2] = '"';
        out[out.length - 1] = '}';
        return out;
    }

    // --- badge images ---

    /** A baked PNG whose real badge is followed, after IEND, by a chunk carrying another. */
    public byte[] pngWithDataAfterEnd() {
        byte[] baked = BadgeBaker.png("openbadgecredential", genuine());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(baked);
        BadgeBaker.writeChunk(out, "iTXt", BadgeBaker.iTxt("openbadgecredential", tamperedPayload(), false));
        return out.toByteArray();
    }

    /** A baked PNG whose header claims 2^31 - 1 by 2^31 - 1 pixels (never decoded). */
    public byte[] pngWithHugeDimensions() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BadgeBaker.signature());
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        BadgeBaker.writeInt(ihdr, 0x7fffffffL);
        BadgeBaker.writeInt(ihdr, 0x7fffffffL);
        ihdr.writeBytes(new byte[] {8, 6, 0, 0, 0});
        BadgeBaker.writeChunk(out, "IHDR", ihdr.toByteArray());
        BadgeBaker.writeChunk(out, "iTXt", BadgeBaker.iTxt("openbadgecredential", genuine(), false));
        BadgeBaker.writeChunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        BadgeBaker.writeChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** An SVG that would pull the badge in from the attacker's server with XInclude. */
    public byte[] svgWithXInclude() {
        return ("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
                + "xmlns:openbadges=\"http://openbadges.org\"><openbadges:credential><xi:include href=\"" + attackerBase
                + "/badge.jwt\" parse=\"text\"/></openbadges:credential></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /** An SVG whose DOCTYPE declares an external entity on the attacker's server. */
    public byte[] svgWithExternalEntity() {
        return ("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY badge SYSTEM \"" + attackerBase + "/badge.jwt\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">"
                + "<openbadges:credential>&badge;</openbadges:credential></svg>").getBytes(StandardCharsets.UTF_8);
    }

    /** Every input above that a wallet must refuse on import, by name. */
    public Map<String, byte[]> refusedOnImport() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String spelling : Arrays.asList("none", "None", "NONE", "nOnE")) {
            out.put("alg " + spelling, utf8(algNone(spelling)));
        }
        out.put("HS256 keyed with the public key", utf8(hs256WithThePublicKey()));
        out.put("embedded jwk", utf8(embeddedAttackerJwk()));
        out.put("jku not anchored", utf8(jkuToAttacker()));
        out.put("x5u not anchored", utf8(x5uToAttacker()));
        out.put("x5c not anchored", utf8(x5cSelfSigned()));
        out.put("kid as a path", utf8(kid("../../../../etc/passwd")));
        out.put("kid as SQL", utf8(kid("' OR '1'='1'; DROP TABLE credentials; --")));
        out.put("kid of 1 MB", utf8(kid("k".repeat(1024 * 1024))));
        out.put("unknown crit", utf8(unknownCriticalHeader()));
        out.put("b64 false", utf8(b64False()));
        out.put("tampered payload", utf8(tamperedPayload()));
        out.put("two-part token", utf8(twoParts()));
        out.put("multi-signature JSON, one bad", utf8(multiSignatureJson()));
        out.put("base64url with padding", utf8(base64Padding()));
        out.put("base64url with whitespace", utf8(base64Whitespace()));
        out.put("base64 with + and /", utf8(base64StandardAlphabet()));
        out.put("exp out of range", utf8(numericDate("exp", "1e300")));
        out.put("nbf out of range", utf8(numericDate("nbf", "-99999999999999999")));
        out.put("iat of the wrong type", utf8(numericDate("iat", "\"yesterday\"")));
        out.put("exp of the wrong type", utf8(numericDate("exp", "{\"seconds\":1}")));
        out.put("kb+jwt offered as a credential", utf8(typed("kb+jwt")));
        out.put("PBES2 with 2^31 iterations", utf8(pbes2HugeIterations()));
        out.put("PBES2 JWE with 2^31 iterations", utf8(pbes2HugeIterationsJwe()));
        out.put("64 KiB header", utf8(header64KiB()));
        out.put("1 MiB token", utf8(token1MiB()));
        out.put("100,000 nested brackets", nested(100_000));
        out.put("million-digit number", millionDigitNumber());
        out.put("1e309", beyondDouble());
        out.put("duplicate keys", duplicateKeys());
        out.put("invalid UTF-8", invalidUtf8());
        out.put("overlong UTF-8", overlongUtf8());
        out.put("lone surrogate", loneSurrogate());
        out.put("NUL", rawNul());
        out.put("BOM", byteOrderMark());
        out.put("20 MiB string", twentyMebibyteString());
        out.put("PNG with data after IEND", pngWithDataAfterEnd());
        out.put("SVG with XInclude", svgWithXInclude());
        out.put("SVG with an external entity", svgWithExternalEntity());
        return Collections.unmodifiableMap(out);
    }

    private String header() {
        return "{\"alg\":\"" + issuer.algorithm().getName() + "\",\"kid\":\"" + issuer.keyId() + "\"}";
    }

    private static String b64(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
