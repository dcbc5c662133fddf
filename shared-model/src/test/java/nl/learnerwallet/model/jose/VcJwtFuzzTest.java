package nl.learnerwallet.model.jose;

import static nl.learnerwallet.model.jose.CompactTokens.encode;
import static nl.learnerwallet.model.jose.Verifications.HOLDER;
import static nl.learnerwallet.model.jose.Verifications.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Random;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Never throws for a bad token": hostile headers and random damage all come back as reports. */
class VcJwtFuzzTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final String PAYLOAD = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ISSUER).toHolder(HOLDER)
            .payload().toString();
    private final VcJwtVerifier verifier = new VcJwtVerifier(IssuerKeys.offline());
    private final VerificationContext context = trusting(ISSUER.did());

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"alg\":5}",
        "{\"alg\":null}",
        "{\"alg\":[\"ES256\"]}",
        "{\"alg\":\"ES256\",\"typ\":5}",
        "{\"alg\":\"ES256\",\"cty\":{}}",
        "{\"alg\":\"ES256\",\"kid\":null}",
        "{\"alg\":\"ES256\",\"kid\":\"\"}",
        "{\"alg\":\"ES256\",\"kid\":\"#\"}",
        "{\"alg\":\"ES256\",\"crit\":\"b64\"}",
        "{\"alg\":\"ES256\",\"crit\":[]}",
        "{\"alg\":\"ES256\",\"jwk\":\"not a key\"}",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\"}}",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}}",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":1,\"y\":2}}",
        "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}}",
        "{\"alg\":\"ES256\",\"x5t#S256\":\"AA\"}",
        "{\"alg\":\"ES256\",\"jku\":5}",
        "[\"alg\",\"ES256\"]",
        "\"ES256\"",
        "null"})
    void refusesHostileHeaderWithAReport(String header) {
        String token = ISSUER.signRaw(header, PAYLOAD);

        VerificationReport report = verifier.verify(token, context).report();

        assertThat(report.status()).isIn(VerificationStatus.MALFORMED, VerificationStatus.TAMPERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":5}}",
        "{\"vc\":{\"type\":[\"VerifiableCredential\"],\"issuer\":{\"id\":[]}},\"iss\":null}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"did:jwk:\"}}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"did:key:z\"}}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"did:jwk:e30\"}}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"x\",\"issuanceDate\":5}}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"x\",\"expirationDate\":\"soon\"}}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"x\"},\"nbf\":1e400}",
        "{\"vc\":{\"type\":\"VerifiableCredential\",\"issuer\":\"x\"},\"exp\":-99999999999999}",
        "{\"vc\":[],\"type\":\"VerifiableCredential\",\"issuer\":\"x\",\"credentialSubject\":7}",
        "[]",
        "\"VerifiableCredential\""})
    void refusesHostilePayloadWithAReport(String payload) {
        String token = ISSUER.signRaw("{\"alg\":\"ES256\"}", payload);

        VerificationReport report = verifier.verify(token, context).report();

        assertThat(report.status()).isNotEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void randomDamageNeverThrowsAndNeverVerifies() {
        String valid = ISSUER.sign(ISSUER.header().build(), PAYLOAD);
        String alphabet = "ABCxyz019-_.=+/ \u00e9";
        Random random = new Random(20270301L);
        for (int i = 0; i < 3000; i++) {
            StringBuilder damaged = new StringBuilder(valid);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(damaged.length());
                switch (random.nextInt(3)) {
                    case 0:
                        damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        break;
                    case 1:
                        damaged.deleteCharAt(at);
                        break;
                    default:
                        damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String token = damaged.toString();
            if (token.equals(valid)) {
                continue;
            }

            VerificationReport report = verifier.verify(token, context).report();

            // A changed character in the last base64 digit can leave the decoded bytes equal.
            if (report.status() == VerificationStatus.VERIFIED) {
                assertThat(decodedParts(token)).as(token).isEqualTo(decodedParts(valid));
            }
        }
    }

    @Test
    void randomJsonInsideAValidSignatureNeverThrows() {
        Random random = new Random(42L);
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"vc\"", "\"type\"", "\"VerifiableCredential\"", "\"iss\"",
            "\"" + ISSUER.did() + "\"", "1", "-0.5e9", "true", "null", "\"credentialSubject\"", "\"exp\"", "\"id\""};
        for (int i = 0; i < 2000; i++) {
            StringBuilder json = new StringBuilder();
            int length = 1 + random.nextInt(30);
            for (int p = 0; p < length; p++) {
                json.append(pieces[random.nextInt(pieces.length)]);
            }
            String token = ISSUER.sign(ISSUER.header().build(), json.toString());

            assertThat(verifier.verify(token, context).report().status()).isNotNull();
        }
    }

    private static String decodedParts(String token) {
        String[] parts = token.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append(encode(Base64.getUrlDecoder().decode(part))).append('.');
        }
        return out.toString();
    }
}
