package nl.learnerwallet.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.model.sdjwt.HashAlgorithm;
import nl.learnerwallet.model.sdjwt.KeyBindingRule;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.sdjwt.SdJwtVcVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What selective disclosure costs a verifier, side by side in one run: an SD-JWT microcredential
 * presentation (every EU element as a disclosable claim, four disclosed, two decoys, a key binding:
 * two ES256 signatures, the digests and the processing) against the same kind of credential as a
 * VC-JWT (one signature), and reading an offline {@code LW1:} QR text back to the presentation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SdJwtVerifyBenchmark {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final String AUDIENCE = "https://wallet.example/s/benchmark";
    private static final String NONCE = "benchmark-nonce";

    private SdJwtVcVerifier sdJwtVerifier;
    private VcJwtVerifier vcJwtVerifier;
    private VerificationContext context;
    private String presentation;
    private String vcJwt;
    private String offlineText;

    @Setup(Level.Trial)
    public void issue() throws Exception {
        TestIssuer issuer = TestIssuer.es256();
        TestIssuer holder = TestIssuer.es256();
        SdJwt issued = SdJwt.parse(new SdJwtIssuer(issuer).microcredential(holder.publicJwk()).issue());
        List<String> shown = new ArrayList<>();
        for (String disclosure : issued.disclosures()) {
            String json = new String(Base64.getUrlDecoder().decode(disclosure), java.nio.charset.StandardCharsets.UTF_8);
            if (json.contains("\"achievement_title\"") || json.contains("\"level\"") || json.contains("\"workload\"")
                    || json.contains("\"issuing_authority\"")) {
                shown.add(disclosure);
            }
        }
        SdJwt partial = SdJwt.of(issued.issuerJwt(), shown, null);
        ObjectNode binding = new ObjectMapper().createObjectNode();
        binding.put("iat", NOW.getEpochSecond());
        binding.put("aud", AUDIENCE);
        binding.put("nonce", NONCE);
        binding.put("sd_hash", partial.sdHash(HashAlgorithm.SHA_256));
        String keyBinding = holder.sign(new JWSHeader.Builder(holder.algorithm()).type(new JOSEObjectType("kb+jwt")).build(),
                binding.toString());
        presentation = SdJwt.of(issued.issuerJwt(), shown, keyBinding).toString();
        offlineText = OfflinePresentation.encode(presentation);
        vcJwt = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder.did()).signed();
        context = new VerificationContext(
                new TrustList(Collections.singletonList(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "benchmark", NOW))),
                new RecipientIdentities(Collections.singletonList(holder.did()), Collections.<String>emptyList(),
                        Collections.<String>emptyList()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        sdJwtVerifier = new SdJwtVcVerifier(IssuerKeys.offline(), new StatusCheck());
        vcJwtVerifier = new VcJwtVerifier(IssuerKeys.offline());
        if (verifySdJwtPresentation().status() != VerificationStatus.VERIFIED
                || verifyVcJwt().status() != VerificationStatus.VERIFIED || !readOfflineQrText().equals(presentation)) {
            throw new IllegalStateException("the benchmark inputs do not verify");
        }
    }

    @Benchmark
    public VerificationReport verifySdJwtPresentation() {
        return sdJwtVerifier.verify(presentation, context, KeyBindingRule.required(AUDIENCE, NONCE, Duration.ofMinutes(5)))
                .report();
    }

    @Benchmark
    public VerificationReport verifyVcJwt() {
        return vcJwtVerifier.verify(vcJwt, context).report();
    }

    @Benchmark
    public String readOfflineQrText() {
        return OfflinePresentation.decode(offlineText);
    }
}
