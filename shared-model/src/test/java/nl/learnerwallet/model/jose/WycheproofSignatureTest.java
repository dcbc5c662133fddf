package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.learnerwallet.model.SharedTestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof vectors (shared/testdata/wycheproof, see its README) through the key path our
 * verifier uses: a did:jwk of the group's public key, resolved by {@link DidJwkResolver}, then
 * {@link IssuerKey#verify} with the vector's message as the signing input. A JWS always signs
 * the ASCII of {@code header.payload}, so arbitrary messages cannot be carried in a token; the
 * key path below that is the same one {@link VcJwtVerifier} calls.
 *
 * <p>Every {@code invalid} case must be refused and every {@code valid} case accepted.
 * {@code acceptable} cases are legacy encodings a verifier may take or refuse; the only one in
 * these files is an RSA PKCS#1 v1.5 DigestInfo without the NULL parameter ("MissingNull"). We
 * accept it, and the test says so: RS256 is checked by the JDK's RSA provider, which (as RFC 8017
 * §9.2, note 2 allows) compares against both DigestInfo encodings; the digest itself must still
 * match, so no signature can be forged through it.
 */
class WycheproofSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> ecdsaP256Sha256P1363() {
        return cases("wycheproof/ecdsa_secp256r1_sha256_p1363_test.json", JWSAlgorithm.ES256,
                group -> p256Key(group.path("publicKey")));
    }

    static Stream<Arguments> ed25519() {
        return cases("wycheproof/ed25519_test.json", JWSAlgorithm.EdDSA,
                group -> new OctetKeyPair.Builder(Curve.Ed25519,
                        Base64URL.encode(hex(group.path("publicKey").path("pk").asText()))).build());
    }

    static Stream<Arguments> rsaPkcs1Sha256() {
        return cases("wycheproof/rsa_signature_2048_sha256_test.json", JWSAlgorithm.RS256,
                group -> new RSAKey.Builder(
                        Base64URL.encode(new BigInteger(1, hex(group.path("publicKey").path("modulus").asText()))),
                        Base64URL.encode(new BigInteger(1, hex(group.path("publicKey").path("publicExponent").asText()))))
                        .build());
    }

    @ParameterizedTest(name = "tcId {0}: {1} ({2})")
    @MethodSource("ecdsaP256Sha256P1363")
    void es256KeyPathMatchesWycheproof(int tcId, String comment, String result, IssuerKey key, JWSHeader header,
            byte[] message, Base64URL signature) {
        assertAgrees(result, key.verify(header, message, signature));
    }

    @ParameterizedTest(name = "tcId {0}: {1} ({2})")
    @MethodSource("ed25519")
    void ed25519KeyPathMatchesWycheproof(int tcId, String comment, String result, IssuerKey key, JWSHeader header,
            byte[] message, Base64URL signature) {
        assertAgrees(result, key.verify(header, message, signature));
    }

    @ParameterizedTest(name = "tcId {0}: {1} ({2})")
    @MethodSource("rsaPkcs1Sha256")
    void rs256KeyPathMatchesWycheproof(int tcId, String comment, String result, IssuerKey key, JWSHeader header,
            byte[] message, Base64URL signature) {
        assertAgrees(result, key.verify(header, message, signature));
    }

    /** For SECURITY.md: how many cases ended which way. */
    private static final java.util.Map<String, Integer> TALLY = new java.util.concurrent.ConcurrentSkipListMap<>();

    @org.junit.jupiter.api.AfterAll
    static void tally() {
        System.out.println("Wycheproof signatures through IssuerKey: " + TALLY);
    }

    private static void assertAgrees(String result, boolean accepted) {
        TALLY.merge(result + (accepted ? " accepted" : " refused"), 1, Integer::sum);
        if ("valid".equals(result)) {
            assertThat(accepted).as("a valid signature is accepted").isTrue();
        } else if ("invalid".equals(result)) {
            assertThat(accepted).as("an invalid signature is refused").isFalse();
        } else {
            assertThat(result).isEqualTo("acceptable");
            assertThat(accepted).as("the DigestInfo without NULL is accepted, as explained above").isTrue();
        }
    }

    private static Stream<Arguments> cases(String file, JWSAlgorithm algorithm, Function<JsonNode, JWK> keyOfGroup) {
        JsonNode root = read(file);
        JWSHeader header = new JWSHeader(algorithm);
        List<Arguments> out = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            IssuerKey key = resolve(keyOfGroup.apply(group));
            for (JsonNode test : group.path("tests")) {
                out.add(Arguments.of(test.path("tcId").asInt(), test.path("comment").asText(),
                        test.path("result").asText(), key, header, hex(test.path("msg").asText()),
                        Base64URL.encode(hex(test.path("sig").asText()))));
            }
        }
        assertThat(out).as("test cases in " + file).hasSize(root.path("numberOfTests").asInt());
        return out.stream();
    }

    /** The key as a verifier meets it: a did:jwk, resolved. */
    private static IssuerKey resolve(JWK publicKey) {
        String did = DidJwkResolver.PREFIX
                + Base64URL.encode(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8));
        List<IssuerKey> keys = new DidJwkResolver().keysOf(did);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static ECKey p256Key(JsonNode publicKey) {
        assertThat(publicKey.path("curve").asText()).isEqualTo("secp256r1");
        byte[] uncompressed = hex(publicKey.path("uncompressed").asText());
        assertThat(uncompressed).hasSize(65);
        assertThat(uncompressed[0]).isEqualTo((byte) 0x04);
        return new ECKey.Builder(Curve.P_256,
                Base64URL.encode(Arrays.copyOfRange(uncompressed, 1, 33)),
                Base64URL.encode(Arrays.copyOfRange(uncompressed, 33, 65))).build();
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(SharedTestData.bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
