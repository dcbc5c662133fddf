package nl.learnerwallet.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
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
 * One ES256 did:jwk microcredential (the hbo shape, issued to a holder DID by a trusted issuer),
 * verified three ways in the same run:
 * <ul>
 *   <li>{@link #verifyCredential}: our whole {@link VcJwtVerifier} — size and encoding checks,
 *       strict JSON parsing of header and payload, header rules, issuer key lookup through
 *       {@link IssuerKeys#offline()} (its did:jwk cache is part of normal operation), the
 *       signature, trust, recipient, validity and status checks, and the report;</li>
 *   <li>{@link #bareSignature}: only nimbus's ECDSAVerifier on the BouncyCastle provider over
 *       the token's signing input, with key, verifier, header and bytes prepared in setup;</li>
 *   <li>{@link #bareSignatureLightweight}: only the signature again, the way {@link VcJwtVerifier}
 *       checks it — the platform's SHA-256 and BouncyCastle's own (non-JCA) ECDSA with the public
 *       key converted once — so that what our checks add on top of their own signature check can
 *       be read off.</li>
 * </ul>
 * The aims: our time at most 1.3 × the bare time, and at least 12,000 credentials per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class VerifyBenchmark {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    private VcJwtVerifier verifier;
    private VerificationContext context;
    private String token;

    private ECDSAVerifier bareVerifier;
    private JWSHeader header;
    private byte[] signingInput;
    private Base64URL signature;

    private ECPublicKeyParameters lightweightKey;

    @Setup(Level.Trial)
    public void issueCredential() throws Exception {
        TestIssuer issuer = TestIssuer.es256();
        String holder = TestIssuer.es256().did();
        token = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        context = new VerificationContext(
                new TrustList(Collections.singletonList(
                        new TrustEntry(issuer.did(), "Hogeschool Utrecht", "benchmark", NOW))),
                new RecipientIdentities(Collections.singletonList(holder), Collections.<String>emptyList(),
                        Collections.<String>emptyList()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        verifier = new VcJwtVerifier(IssuerKeys.offline());

        ECKey publicKey = issuer.publicJwk().toECKey();
        bareVerifier = new ECDSAVerifier(publicKey);
        bareVerifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
        int lastDot = token.lastIndexOf('.');
        header = JWSHeader.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = new Base64URL(token.substring(lastDot + 1));

        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        lightweightKey = new ECPublicKeyParameters(
                p256.getCurve().createPoint(publicKey.getX().decodeToBigInteger(), publicKey.getY().decodeToBigInteger()),
                new ECDomainParameters(p256.getCurve(), p256.getG(), p256.getN(), p256.getH()));

        // Every path must do the real work, not fail fast.
        VerificationStatus status = verifyCredential().status();
        if (status != VerificationStatus.VERIFIED) {
            throw new IllegalStateException("the benchmark credential does not verify: " + status);
        }
        if (!bareSignature() || !bareSignatureLightweight()) {
            throw new IllegalStateException("the bare signature check does not verify");
        }
    }

    @Benchmark
    public VerificationReport verifyCredential() {
        return verifier.verify(token, context).report();
    }

    @Benchmark
    public boolean bareSignature() throws JOSEException {
        return bareVerifier.verify(header, signingInput, signature);
    }

    @Benchmark
    public boolean bareSignatureLightweight() throws NoSuchAlgorithmException {
        byte[] raw = signature.decode();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(signingInput);
        ECDSASigner ecdsa = new ECDSASigner();
        ecdsa.init(false, lightweightKey);
        return ecdsa.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)));
    }
}
