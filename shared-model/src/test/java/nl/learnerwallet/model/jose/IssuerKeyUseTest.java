package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/**
 * What Wycheproof's JWK cases found (WycheproofJwsTest): a published key was used for any
 * allow-listed algorithm whatever it said of itself, and RSA keys were not checked for soundness.
 */
class IssuerKeyUseTest {

    private static final String ISSUER = "https://issuer.example";

    @Test
    void aKeyForEncryptionVerifiesNoSignature() throws Exception {
        assertThat(key("\"use\":\"enc\"").allows(JWSAlgorithm.ES256)).isFalse();
        assertThat(key("\"key_ops\":[\"encrypt\"]").allows(JWSAlgorithm.ES256)).isFalse();
        assertThat(key("\"use\":\"sig\",\"key_ops\":[\"verify\"]").allows(JWSAlgorithm.ES256)).isTrue();
    }

    @Test
    void aKeyDeclaredForAnotherAlgorithmIsNotUsedForThisOne() throws Exception {
        assertThat(key("\"alg\":\"ES384\"").allows(JWSAlgorithm.ES256)).isFalse();
        assertThat(key("\"alg\":\"ES256\"").allows(JWSAlgorithm.ES256)).isTrue();
    }

    @Test
    void anRsaKeyWithExponentOneOrEvenVerifiesNothing() throws Exception {
        RSAKey real = (RSAKey) TestIssuer.rs256().publicJwk();
        for (long exponent : new long[] {1, 65536}) {
            RSAKey bad = new RSAKey.Builder(real.getModulus(),
                    com.nimbusds.jose.util.Base64URL.encode(BigInteger.valueOf(exponent))).build();
            assertThat(IssuerKey.fromJwk(ISSUER, ISSUER + "#0", bad.toJSONString()).allows(JWSAlgorithm.RS256))
                    .as("e = " + exponent).isFalse();
        }
        assertThat(IssuerKey.fromJwk(ISSUER, ISSUER + "#0", real.toJSONString()).allows(JWSAlgorithm.RS256)).isTrue();
    }

    @Test
    void theRocaFingerprintTellsTheVulnerableKeyFromGeneratedOnes() throws Exception {
        JsonNode roca = null;
        for (JsonNode group : new ObjectMapper().readTree(SharedTestData.bytes("wycheproof/json_web_key_test.json"))
                .path("testGroups")) {
            if ("jws_rsa_roca_key".equals(group.path("comment").asText())) {
                roca = group.path("public").path("keys").get(0);
            }
        }
        assertThat(roca).isNotNull();
        assertThat(IssuerKey.hasRocaFingerprint(new BigInteger(1,
                com.nimbusds.jose.util.Base64URL.from(roca.path("n").asText()).decode()))).isTrue();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        for (int i = 0; i < 5; i++) {
            BigInteger modulus = ((RSAPublicKey) generator.generateKeyPair().getPublic()).getModulus();
            assertThat(IssuerKey.hasRocaFingerprint(modulus)).isFalse();
        }
    }

    private static IssuerKey key(String extra) {
        String json = TestIssuer.es256().publicJwk().toJSONString();
        return IssuerKey.fromJwk(ISSUER, ISSUER + "#0", json.substring(0, json.length() - 1) + "," + extra + "}");
    }
}
