package nl.learnerwallet.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.share.Presentations;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
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
 * A share's presentation of 10 VC-JWT credentials (the Dutch shapes, from two trusted did:jwk
 * issuers, ES256), signed by the holder for an audience and nonce — as the share page verifies
 * it — against the 11 ES256 signature checks that are the work's floor:
 * <ul>
 *   <li>{@link #verifyPresentation}: {@link PresentationVerifier#verify}: the holder's signature,
 *       audience and nonce, then each credential verified in full (format, signature, issuer key
 *       and trust, recipient, validity, status) and its card built;</li>
 *   <li>{@link #elevenBareSignatures}: the 11 signatures checked by nimbus ECDSAVerifier on the
 *       BouncyCastle provider, everything prepared in setup (VerifyBenchmark's baseline);</li>
 *   <li>{@link #elevenLightweightSignatures}: the 11 signatures checked the way our verifier does
 *       (JDK SHA-256, BouncyCastle's own ECDSA with the keys converted once): the true floor.</li>
 * </ul>
 * The aim: at most 1.3 × the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PresentationVerifyBenchmark {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final int CREDENTIALS = 10;
    private static final String AUDIENCE = "https://wallet.example.nl/api/v1/shares/k3v9w2m8qa7x4t1c";

    private PresentationVerifier verifier;
    private PresentationVerifier.Expectation expectation;
    private TrustList trust;
    private Clock clock;
    private String presentation;

    private final List<ECDSAVerifier> bareVerifiers = new ArrayList<>();
    private final List<ECPublicKeyParameters> lightweightKeys = new ArrayList<>();
    private final List<JWSHeader> headers = new ArrayList<>();
    private final List<byte[]> signingInputs = new ArrayList<>();
    private final List<Base64URL> signatures = new ArrayList<>();

    @Setup(Level.Trial)
    public void present() throws Exception {
        TestIssuer hogeschool = TestIssuer.es256();
        TestIssuer universiteit = TestIssuer.es256();
        HolderKey holder = HolderKey.generate(new SecureRandom());
        trust = TrustList.empty().with(new TrustEntry(hogeschool.did(), "Hogeschool Utrecht", "benchmark", NOW))
                .with(new TrustEntry(universiteit.did(), "Universiteit Leiden", "benchmark", NOW));
        List<Presentations.Enveloped> credentials = new ArrayList<>();
        DutchCredentials.Shape[] shapes = DutchCredentials.Shape.values();
        for (int i = 0; i < CREDENTIALS; i++) {
            TestIssuer issuer = i % 2 == 0 ? hogeschool : universiteit;
            String token = DutchCredentials.of(shapes[i % shapes.length], issuer).toHolder(holder.did()).signed();
            credentials.add(new Presentations.Enveloped(CredentialFormat.OB3_JWT, token.getBytes(StandardCharsets.US_ASCII)));
            prepareBare(token, issuer.publicJwk());
        }
        presentation = Presentations.sign(holder, credentials, AUDIENCE, "n-0S6_WzA2Mj", NOW, null, List.of());
        String holderJwk = new String(Base64.getUrlDecoder().decode(holder.did().substring("did:jwk:".length())),
                StandardCharsets.UTF_8);
        prepareBare(presentation, JWK.parse(holderJwk));

        verifier = new PresentationVerifier(IssuerKeys.offline(), new CredentialVerifier(IssuerKeys.offline()));
        expectation = new PresentationVerifier.Expectation(AUDIENCE, "n-0S6_WzA2Mj", null);
        clock = Clock.fixed(NOW, ZoneOffset.UTC);

        // Every path must do the real work, not fail fast.
        PresentationReport report = verifyPresentation();
        if (report.status() != VerificationStatus.VERIFIED || report.credentials().size() != CREDENTIALS) {
            throw new IllegalStateException("the benchmark presentation does not verify: " + report.status());
        }
        if (elevenBareSignatures() != 11 || elevenLightweightSignatures() != 11) {
            throw new IllegalStateException("a bare signature check does not verify");
        }
    }

    private void prepareBare(String token, JWK key) throws Exception {
        ECKey publicKey = key.toECKey();
        ECDSAVerifier bare = new ECDSAVerifier(publicKey);
        bare.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
        bareVerifiers.add(bare);
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        lightweightKeys.add(new ECPublicKeyParameters(
                p256.getCurve().createPoint(publicKey.getX().decodeToBigInteger(), publicKey.getY().decodeToBigInteger()),
                new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH())));
        int lastDot = token.lastIndexOf('.');
        headers.add(JWSHeader.parse(new Base64URL(token.substring(0, token.indexOf('.')))));
        signingInputs.add(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        signatures.add(new Base64URL(token.substring(lastDot + 1)));
    }

    @Benchmark
    public PresentationReport verifyPresentation() {
        return verifier.verify(presentation, expectation, trust, clock);
    }

    @Benchmark
    public int elevenBareSignatures() throws JOSEException {
        int valid = 0;
        for (int i = 0; i < bareVerifiers.size(); i++) {
            if (bareVerifiers.get(i).verify(headers.get(i), signingInputs.get(i), signatures.get(i))) {
                valid++;
            }
        }
        return valid;
    }

    @Benchmark
    public int elevenLightweightSignatures() throws NoSuchAlgorithmException {
        int valid = 0;
        for (int i = 0; i < lightweightKeys.size(); i++) {
            byte[] raw = signatures.get(i).decode();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(signingInputs.get(i));
            ECDSASigner ecdsa = new ECDSASigner();
            ecdsa.init(false, lightweightKeys.get(i));
            if (ecdsa.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
                    new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)))) {
                valid++;
            }
        }
        return valid;
    }
}
