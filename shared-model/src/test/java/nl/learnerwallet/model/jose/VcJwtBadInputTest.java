package nl.learnerwallet.model.jose;

import static nl.learnerwallet.model.jose.CompactTokens.encode;
import static nl.learnerwallet.model.jose.CompactTokens.header;
import static nl.learnerwallet.model.jose.CompactTokens.payload;
import static nl.learnerwallet.model.jose.CompactTokens.payloadJson;
import static nl.learnerwallet.model.jose.CompactTokens.signature;
import static nl.learnerwallet.model.jose.CompactTokens.signatureBytes;
import static nl.learnerwallet.model.jose.CompactTokens.withPayload;
import static nl.learnerwallet.model.jose.CompactTokens.withSignature;
import static nl.learnerwallet.model.jose.Verifications.HOLDER;
import static nl.learnerwallet.model.jose.Verifications.reason;
import static nl.learnerwallet.model.jose.Verifications.trusting;
import static nl.learnerwallet.model.jose.Verifications.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile tokens (DESIGN.md "Bad input" and "Keys"): each comes back as a report with a status
 * and a reason, never as an exception, and nothing is fetched.
 */
class VcJwtBadInputTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final TestIssuer ATTACKER = TestIssuer.es256();

    private static ObjectNode credentialPayload() {
        return DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ISSUER).toHolder(HOLDER).payload();
    }

    private static String validToken() {
        return ISSUER.sign(credentialPayload());
    }

    private static VerificationReport verifyTrusted(String token) {
        return verify(token, trusting(ISSUER.did()));
    }

    @Test
    void acceptsTheUnalteredToken() {
        assertThat(verifyTrusted(validToken()).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    // --- algorithms ---

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void rejectsUnsignedTokenWithAlgNone(String alg) {
        String token = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + encode(credentialPayload().toString()) + ".";

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsAlgNoneEvenWithTheIssuersKidAndOriginalSignature() {
        String original = validToken();
        String token = encode("{\"alg\":\"none\",\"kid\":\"" + ISSUER.keyId() + "\"}") + "." + payload(original) + "."
                + signature(original);

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    static Stream<Arguments> publicKeyAsHmacSecret() {
        return Stream.of(
                Arguments.of("public JWK JSON", ISSUER.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8)),
                Arguments.of("did:jwk", ISSUER.did().getBytes(StandardCharsets.UTF_8)),
                Arguments.of("key id", ISSUER.keyId().getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicKeyAsHmacSecret")
    void rejectsTokenSignedWithHmacUsingThePublicKey(String secretName, byte[] secret) throws Exception {
        for (String alg : Arrays.asList("HS256", "HS384", "HS512")) {
            String signingInput = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + ISSUER.keyId() + "\"}")
                    + "." + encode(credentialPayload().toString());
            String jca = "Hmac" + alg.replace("HS", "SHA");
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(secret, jca));
            String token = signingInput + "." + encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

            VerificationReport report = verifyTrusted(token);

            assertThat(report.status()).as(alg).isEqualTo(VerificationStatus.TAMPERED);
            assertThat(reason(report, CheckId.SIGNATURE)).as(alg).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "RS256", "PS256", "ES384"})
    void rejectsAlgorithmThatDoesNotFitTheIssuersKeyType(String alg) {
        String original = validToken();
        String token = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + ISSUER.keyId() + "\"}") + "."
                + payload(original) + "." + signature(original);

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rejectsRsaIssuerKeyShorterThan2048Bits() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair pair = generator.generateKeyPair();
        String did = "did:jwk:" + encode(new RSAKey.Builder(
                (RSAPublicKey) pair.getPublic()).build().toJSONString());
        ObjectNode payload = credentialPayload();
        payload.put("iss", did);
        ((ObjectNode) payload.get("vc").get("issuer")).put("id", did);
        String signingInput = encode("{\"alg\":\"RS256\",\"kid\":\"" + did + "#0\"}") + "." + encode(payload.toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + encode(rsa.sign());

        VerificationReport report = verify(token, trusting(did));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    // --- keys named in the header ---

    @Test
    void rejectsHeaderJwkThatIsNotTheIssuersKey() {
        // The attacker signs with their own key and offers it in the header.
        JWSHeader header = ATTACKER.header().keyID(ISSUER.keyId()).jwk(ATTACKER.publicJwk()).build();
        String token = ATTACKER.sign(header, credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.HEADER_KEY_NOT_ISSUERS);
    }

    @Test
    void rejectsHeaderJwkThatIsNotTheIssuersKeyWithoutKid() {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).jwk(ATTACKER.publicJwk()).build();
        String token = ATTACKER.sign(header, credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.HEADER_KEY_NOT_ISSUERS);
    }

    @Test
    void acceptsHeaderJwkThatIsTheIssuersOwnKey() {
        JWSHeader header = ISSUER.header().jwk(ISSUER.publicJwk()).build();
        String token = ISSUER.sign(header, credentialPayload());

        assertThat(verifyTrusted(token).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void rejectsKidThatIsNotOneOfTheIssuersKeys() {
        String token = ATTACKER.sign(ATTACKER.header().build(), credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.KID_NOT_ISSUERS);
    }

    @Test
    void rejectsKidThatIsNotAString() {
        String token = ISSUER.signRaw("{\"alg\":\"ES256\",\"kid\":{\"id\":\"" + ISSUER.keyId() + "\"}}",
                credentialPayload().toString());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.KID_NOT_ISSUERS);
    }

    static Stream<Arguments> keyUrlHeaders() {
        return Stream.of(Arguments.of("jku"), Arguments.of("x5u"));
    }

    @ParameterizedTest
    @MethodSource("keyUrlHeaders")
    void neverFetchesKeyFromUrlInTheHeader(String parameter) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/keys.json");
            JWSHeader.Builder header = ATTACKER.header().keyID(ISSUER.keyId());
            JWSHeader built = "jku".equals(parameter) ? header.jwkURL(url).build() : header.x509CertURL(url).build();
            String token = ATTACKER.sign(built, credentialPayload());

            VerificationReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> verifyTrusted(token));

            assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
            assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.KEY_URL_NOT_ALLOWED);
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rejectsJkuPointingAtAClosedPortWithoutWaiting() {
        JWSHeader header = ISSUER.header().jwkURL(URI.create("http://127.0.0.1:1/")).build();
        String token = ISSUER.sign(header, credentialPayload());

        VerificationReport report = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> verifyTrusted(token));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.KEY_URL_NOT_ALLOWED);
    }

    @Test
    void rejectsCertificateChainInTheHeader() {
        String token = ISSUER.signRaw("{\"alg\":\"ES256\",\"kid\":\"" + ISSUER.keyId() + "\",\"x5c\":[\"MIIB\"]}",
                credentialPayload().toString());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.HEADER_KEY_NOT_ISSUERS);
    }

    @Test
    void rejectsUnknownCriticalHeader() {
        JWSHeader header = ISSUER.header().criticalParams(Collections.singleton("urn:example:policy"))
                .customParam("urn:example:policy", "strict").build();
        String token = ISSUER.sign(header, credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void rejectsUnencodedPayloadOption() {
        String token = ISSUER.signRaw("{\"alg\":\"ES256\",\"kid\":\"" + ISSUER.keyId() + "\",\"b64\":false}",
                credentialPayload().toString());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.UNSUPPORTED_CRITICAL_HEADER);
    }

    // --- signatures ---

    @Test
    void rejectsPayloadChangedAfterSigning() {
        String token = validToken();
        ObjectNode payload = payloadJson(token);
        ((ObjectNode) payload.get("vc").get("credentialSubject").get("achievement")).put("name", "Data Science (master)");

        VerificationReport report = verifyTrusted(withPayload(token, encode(payload.toString())));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsSignatureByAnotherKey() {
        String token = ATTACKER.sign(ISSUER.header().build(), credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsEs256SignatureOneByteShort() {
        String token = validToken();
        byte[] signature = signatureBytes(token);

        VerificationReport report = verifyTrusted(withSignature(token, Arrays.copyOf(signature, 63)));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsEs256SignatureOneByteLong() {
        String token = validToken();
        byte[] signature = signatureBytes(token);

        VerificationReport report = verifyTrusted(withSignature(token, Arrays.copyOf(signature, 65)));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsEs256SignatureWithRAndSZero() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified on some JDKs.
        VerificationReport report = verifyTrusted(withSignature(validToken(), new byte[64]));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void rejectsEs256SignatureInDerEncoding() {
        String token = validToken();
        byte[] raw = signatureBytes(token);
        byte[] der = derOf(raw);

        VerificationReport report = verifyTrusted(withSignature(token, der));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.SIGNATURE)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    // --- sizes and JSON ---

    @Test
    void rejectsTokenOfOneMegabyte() {
        char[] filler = new char[1024 * 1024];
        Arrays.fill(filler, 'A');
        String token = header(validToken()) + "." + new String(filler) + "." + signature(validToken());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void rejectsPayloadNestedOneHundredThousandDeep() {
        int depth = 100_000;
        StringBuilder payload = new StringBuilder(2 * depth + 16).append("{\"vc\":");
        for (int i = 0; i < depth; i++) {
            payload.append('[');
        }
        for (int i = 0; i < depth; i++) {
            payload.append(']');
        }
        payload.append('}');
        String token = ISSUER.sign(ISSUER.header().build(), payload.toString());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_JSON);
    }

    @Test
    void rejectsPayloadWithDuplicateKeys() {
        String payload = credentialPayload().toString().replaceFirst("\\{", "{\"iss\":\"" + ATTACKER.did() + "\",");
        String token = ISSUER.sign(ISSUER.header().build(), payload);

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_JSON);
    }

    @Test
    void rejectsHeaderWithDuplicateKeys() {
        // Two parsers could read alg differently: one "none", the other ES256.
        String token = ISSUER.signRaw("{\"alg\":\"none\",\"kid\":\"" + ISSUER.keyId() + "\",\"alg\":\"ES256\"}",
                credentialPayload().toString());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_JSON);
    }

    @Test
    void refusesTwentyMegabyteJsonDocumentBeforeParsing() {
        byte[] prefix = "{\"credential\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] document = new byte[20 * 1024 * 1024];
        Arrays.fill(document, (byte) 'A');
        System.arraycopy(prefix, 0, document, 0, prefix.length);
        document[document.length - 2] = '"';
        document[document.length - 1] = '}';

        assertThatThrownBy(() -> CredentialReader.read(document))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE));
    }

    // --- claims ---

    @Test
    void rejectsIssClaimThatDiffersFromTheCredentialsIssuer() {
        ObjectNode payload = credentialPayload();
        payload.put("iss", ATTACKER.did());
        String token = ATTACKER.sign(payload);

        VerificationReport report = verify(token, trusting(ISSUER.did(), ATTACKER.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.ISSUER_MISMATCH);
    }

    @Test
    void rejectsExpirationThatIsAString() {
        ObjectNode payload = credentialPayload();
        payload.put("exp", "2031-06-12T22:00:00Z");
        String token = ISSUER.sign(payload);

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_CLAIM);
    }

    @Test
    void rejectsIssClaimThatIsNotAString() {
        ObjectNode payload = credentialPayload();
        payload.putArray("iss").add(ISSUER.did());
        String token = ISSUER.sign(payload);

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_CLAIM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kb+jwt", "vp+jwt", "dc+sd-jwt", "application/vp+jwt"})
    void rejectsTokenTypeThatIsNotACredential(String typ) {
        JWSHeader header = ISSUER.header().type(new JOSEObjectType(typ)).build();
        String token = ISSUER.sign(header, credentialPayload());

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void rejectsSignedJwtThatCarriesNoCredential() {
        String token = ISSUER.sign(ISSUER.header().build(), "{\"iss\":\"" + ISSUER.did() + "\",\"sub\":\"x\"}");

        VerificationReport report = verifyTrusted(token);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.NOT_A_CREDENTIAL);
    }

    // --- encoding ---

    @Test
    void rejectsBase64WithPadding() {
        String token = validToken();

        VerificationReport report = verifyTrusted(withPayload(token, payload(token) + "="));

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_ENCODING);
    }

    @Test
    void rejectsBase64WithWhiteSpace() {
        String token = validToken();
        String payload = payload(token);
        String broken = payload.substring(0, 40) + "\r\n " + payload.substring(40);

        VerificationReport report = verifyTrusted(withPayload(token, broken));

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_ENCODING);
    }

    @Test
    void rejectsStandardBase64Alphabet() {
        String token = validToken();
        String signature = signature(token);
        String standard = "+/" + signature.substring(2);

        VerificationReport report = verifyTrusted(header(token) + "." + payload(token) + "." + standard);

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_ENCODING);
    }

    @Test
    void rejectsTwoPartToken() {
        String token = validToken();

        VerificationReport report = verifyTrusted(header(token) + "." + payload(token));

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.NOT_A_JWT);
    }

    @Test
    void rejectsFivePartToken() {
        VerificationReport report = verifyTrusted(validToken() + ".AAAA.AAAA");

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.NOT_A_JWT);
    }

    @Test
    void rejectsHeaderThatIsNotJson() {
        String token = validToken();

        VerificationReport report = verifyTrusted(encode("not json") + "." + payload(token) + "." + signature(token));

        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        assertThat(reason(report, CheckId.FORMAT)).isEqualTo(Reason.BAD_JSON);
    }

    /** ASN.1 DER SEQUENCE { INTEGER r, INTEGER s } of a raw 64-byte signature. */
    private static byte[] derOf(byte[] raw) {
        byte[] r = integer(Arrays.copyOfRange(raw, 0, 32));
        byte[] s = integer(Arrays.copyOfRange(raw, 32, 64));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] integer(byte[] unsigned) {
        byte[] value = new BigInteger(1, unsigned).toByteArray();
        byte[] out = new byte[2 + value.length];
        out[0] = 0x02;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }
}
