package nl.learnerwallet.model.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * RFC 9901's own examples and example keys (test resources {@code rfc9901/}, see their README):
 * our processing gives the RFC's processed payloads, the RFC's signatures and key bindings verify,
 * and the SD-JWT VC example of Appendix A.3 verifies end to end.
 */
class Rfc9901VectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The RFC's key bindings were made at this time. */
    private static final Instant KB_IAT = Instant.ofEpochSecond(1748537244L);

    private static String text(String name) throws IOException {
        try (InputStream in = Rfc9901VectorsTest.class.getResourceAsStream("/rfc9901/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static JsonNode json(String name) throws IOException {
        try (InputStream in = Rfc9901VectorsTest.class.getResourceAsStream("/rfc9901/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static IssuerKey key(String file, String id) throws IOException {
        return IssuerKey.fromJwk(id, id + "#0", json(file).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"example", "a1-structured", "a2-complex", "a3-sd-jwt-vc", "a4-w3c-vc"})
    void processingThePresentationGivesTheRfcsPayloadAndItsSignaturesHold(String example) throws IOException {
        SdJwt presentation = SdJwt.parse(text(example + "-presentation.txt"));
        CompactJws issuerJwt = CompactJws.parse(presentation.issuerJwt(), SdJwt.MAX_LENGTH);

        SdJwtProcessor.Processed processed = SdJwtProcessor.process(issuerJwt.payload(), presentation.disclosures());

        assertThat(processed.claims()).isEqualTo(json(example + "-processed.json"));
        assertThat(issuerJwt.signedBy(key("issuer-key.json", "https://example.com/issuer"))).isTrue();
        if (presentation.hasKeyBinding()) {
            CompactJws keyBinding = CompactJws.parse(presentation.keyBinding(), 16 * 1024);
            assertThat(keyBinding.hasType("kb+jwt")).isTrue();
            assertThat(keyBinding.signedBy(key("holder-key.json", "holder"))).isTrue();
            assertThat(keyBinding.payload().path("sd_hash").asText()).isEqualTo(presentation.sdHash(processed.hash()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"example", "a3-sd-jwt-vc", "a4-w3c-vc"})
    void theIssuedFormWithEveryDisclosureProcessesToo(String example) throws IOException {
        String issued = example.equals("example") ? text("example-issued.txt") : text(example + "-issued.txt");
        SdJwt sdJwt = SdJwt.parse(issued);

        SdJwtProcessor.Processed processed = SdJwtProcessor.process(
                CompactJws.parse(sdJwt.issuerJwt(), SdJwt.MAX_LENGTH).payload(), sdJwt.disclosures());

        assertThat(processed.disclosures()).hasSameSizeAs(sdJwt.disclosures());
        assertThat(processed.claims().has("_sd")).isFalse();
    }

    @Test
    void theSdJwtVcExampleVerifiesEndToEnd() throws IOException {
        SdJwtVcVerifier.Result result = verifyA3(text("a3-sd-jwt-vc-presentation.txt"));

        assertThat(result.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.keyBinding().nonce()).isEqualTo("1234567890");
        assertThat(result.credential().type()).isEqualTo("urn:eudi:pid:de:1");
    }

    @Test
    void theSdJwtVcExampleWithADisclosureDroppedFailsItsKeyBinding() throws IOException {
        SdJwt presentation = SdJwt.parse(text("a3-sd-jwt-vc-presentation.txt"));
        List<String> fewer = new java.util.ArrayList<>(presentation.disclosures());
        // A leaf claim (nationalities), so that no other disclosure is left unreferenced.
        for (String disclosure : presentation.disclosures()) {
            JsonNode array = JSON.readTree(java.util.Base64.getUrlDecoder().decode(disclosure));
            if (array.size() == 3 && array.get(1).asText().equals("nationalities")) {
                fewer.remove(disclosure);
                break;
            }
        }

        SdJwtVcVerifier.Result result = verifyA3(SdJwt.of(presentation.issuerJwt(), fewer, presentation.keyBinding()).toString());

        assertThat(result.report().check(CheckId.HOLDER_BINDING).reason()).isEqualTo(Reason.SD_HASH_MISMATCH);
    }

    private static SdJwtVcVerifier.Result verifyA3(String presentation) throws IOException {
        String issuer = "https://pid-issuer.bund.de.example";
        IssuerKey issuerKey = key("issuer-key.json", issuer);
        IssuerKeyResolver keys = new IssuerKeyResolver() {
            @Override
            public boolean supports(String issuerId) {
                return issuer.equals(issuerId);
            }

            @Override
            public List<IssuerKey> keysOf(String issuerId) {
                return Collections.singletonList(issuerKey);
            }
        };
        TrustList trust = TrustList.empty().with(new TrustEntry(issuer, "PID issuer (RFC example)", "test", KB_IAT));
        VerificationContext context = new VerificationContext(trust, RecipientIdentities.none(),
                Clock.fixed(KB_IAT.plusSeconds(10), ZoneOffset.UTC));
        return new SdJwtVcVerifier(keys, new StatusCheck()).verify(presentation, context,
                KeyBindingRule.required("https://verifier.example.org", "1234567890", Duration.ofMinutes(5)));
    }
}
