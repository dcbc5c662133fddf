package nl.learnerwallet.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The JMH benchmarks' ratios again, timed by the CPU time of the thread that does the work rather
 * than by the wall clock: on a machine shared with other builds (as the one in BENCHMARKS.md is),
 * the time a thread waits for a core would otherwise count as work. The same benchmark classes and
 * setups, run in alternating rounds after a warm-up; per operation in µs of CPU time.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar nl.learnerwallet.benchmarks.CpuTimeRatios [seconds]}
 */
public final class CpuTimeRatios {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeRatios() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        PresentationVerifyBenchmark presentation = new PresentationVerifyBenchmark();
        presentation.present();
        Map<String, Callable<Object>> verification = new LinkedHashMap<>();
        verification.put("presentation of 10 VC-JWTs (verifyPresentation)", presentation::verifyPresentation);
        verification.put("11 signatures, our primitive (elevenLightweightSignatures)", presentation::elevenLightweightSignatures);
        verification.put("11 signatures, nimbus on BouncyCastle (elevenBareSignatures)", presentation::elevenBareSignatures);
        double[] times = compare(verification, seconds);
        System.out.printf("ratio presentation / 11 signatures with our primitive: %.2f%n", times[0] / times[1]);
        System.out.printf("ratio presentation / 11 signatures with nimbus: %.2f%n", times[0] / times[2]);

        QrBenchmark qr = new QrBenchmark();
        qr.texts();
        Map<String, Callable<Object>> codes = new LinkedHashMap<>();
        codes.put("QR of a share link (QrCodes.encode)", qr::shareLink);
        codes.put("the share link, zxing's encoder alone", qr::shareLinkZxingAlone);
        codes.put("QR of an offline presentation, 2,344 characters", qr::offlinePresentation);
        codes.put("the offline presentation, zxing's encoder alone", qr::offlinePresentationZxingAlone);
        double[] qrTimes = compare(codes, seconds);
        System.out.printf("ratio QrCodes / zxing alone: share link %.2f, offline presentation %.2f%n", qrTimes[0] / qrTimes[1],
                qrTimes[2] / qrTimes[3]);
        System.out.printf("ratio offline presentation / share link: %.1f%n", qrTimes[2] / qrTimes[0]);
    }

    /** Each operation's median CPU time in µs over three alternating rounds, after a warm-up of each. */
    private static double[] compare(Map<String, Callable<Object>> operations, int seconds) throws Exception {
        List<Callable<Object>> list = new ArrayList<>(operations.values());
        List<String> names = new ArrayList<>(operations.keySet());
        for (Callable<Object> operation : list) {
            microsPerOperation(operation, seconds);
        }
        double[][] rounds = new double[list.size()][3];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < list.size(); i++) {
                rounds[i][round] = microsPerOperation(list.get(i), seconds);
            }
        }
        double[] medians = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            double[] sorted = rounds[i].clone();
            java.util.Arrays.sort(sorted);
            medians[i] = sorted[1];
            System.out.printf("%-64s %9.1f µs  (rounds %.1f, %.1f, %.1f)%n", names.get(i), medians[i], rounds[i][0], rounds[i][1],
                    rounds[i][2]);
        }
        return medians;
    }

    private static double microsPerOperation(Callable<Object> operation, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        long sink = 0;
        long started = THREADS.getCurrentThreadCpuTime();
        while (System.nanoTime() < end) {
            sink += System.identityHashCode(operation.call());
            count++;
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - started;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return cpu / 1e3 / count;
    }
}
