package nl.learnerwallet.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * Credentials verified per second on one core (our whole VC-JWT verifier, one thread, the
 * VerifyBenchmark credential) against {@code openssl speed ecdsap256}'s ECDSA P-256 verifications
 * per second on the same machine (one process, OpenSSL's assembly), in alternating rounds of one
 * run. Both count per second of CPU time given to them, not of the wall clock: {@code openssl
 * speed} divides by its user CPU time unless told {@code -elapsed}, and ours divides by the
 * verifying thread's CPU time, so that other work on a shared machine does not tilt the ratio.
 * The wall-clock rate is printed too. The aim: at least 0.7 × OpenSSL.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar nl.learnerwallet.benchmarks.OpensslComparison [seconds]}
 */
public final class OpensslComparison {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Pattern VERIFY_PER_SECOND = Pattern.compile("256 bits ecdsa \\(nistp256\\)\\s+\\S+s\\s+\\S+s\\s+\\S+\\s+(\\S+)");

    private OpensslComparison() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        TestIssuer issuer = TestIssuer.es256();
        String holder = TestIssuer.es256().did();
        String token = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        VerificationContext context = new VerificationContext(
                new TrustList(Collections.singletonList(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "benchmark", NOW))),
                new RecipientIdentities(Collections.singletonList(holder), Collections.<String>emptyList(),
                        Collections.<String>emptyList()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        VcJwtVerifier verifier = new VcJwtVerifier(IssuerKeys.offline());
        if (verifier.verify(token, context).report().status() != VerificationStatus.VERIFIED) {
            throw new IllegalStateException("the benchmark credential does not verify");
        }
        ours(verifier, token, context, seconds); // warm-up: the JIT compiles the hot path
        double[] openssl = new double[2];
        double[] java = new double[2];
        double[] javaWall = new double[2];
        for (int round = 0; round < 2; round++) {
            openssl[round] = openssl(seconds);
            double[] rates = ours(verifier, token, context, seconds);
            java[round] = rates[0];
            javaWall[round] = rates[1];
        }
        System.out.printf("openssl speed -seconds %d ecdsap256 (%s): %,.0f and %,.0f verify/s%n", seconds, opensslVersion(),
                openssl[0], openssl[1]);
        System.out.printf("our VC-JWT verifier, one thread:               %,.0f and %,.0f credentials/s of CPU time "
                + "(%,.0f and %,.0f per wall-clock second)%n", java[0], java[1], javaWall[0], javaWall[1]);
        System.out.printf("ratio ours / openssl: %.2f%n", (java[0] + java[1]) / (openssl[0] + openssl[1]));
    }

    /** Whole verifications per second of this thread's CPU time, and per wall-clock second, over {@code seconds}. */
    private static double[] ours(VcJwtVerifier verifier, String token, VerificationContext context, int seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long started = System.nanoTime();
        long startedCpu = threads.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            if (verifier.verify(token, context).report().status() != VerificationStatus.VERIFIED) {
                throw new IllegalStateException("a verification failed");
            }
            count++;
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
        return new double[] {count / cpuSeconds, count / ((System.nanoTime() - started) / 1e9)};
    }

    private static double openssl(int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "speed", "-seconds", Integer.toString(seconds), "ecdsap256")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher matcher = VERIFY_PER_SECOND.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no ecdsap256 verify/s in openssl's output:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static String opensslVersion() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return version;
    }
}
