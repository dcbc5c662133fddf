package nl.learnerwallet.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load: each connection sends its next request when the last one answered, for
 * a fixed time. With several targets (instances of one service) the connections are spread over
 * them in turn, as a load balancer would. Runs on the same machine as the servers, so both share
 * its cores.
 */
final class LoadDriver {

    private LoadDriver() {
    }

    /** Throughput and latency of one round; errors are answers other than 200, or broken connections. */
    record Result(double perSecond, double p50, double p99, long errors) {
    }

    static Result run(String target, int connections, int seconds) throws InterruptedException {
        return run(List.of(target), connections, seconds);
    }

    static Result run(List<String> targets, int connections, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(targets.get(c % targets.size())))
                    .header("Accept", "text/html,text/css;q=0.9,*/*;q=0.8")
                    .header("User-Agent", "Mozilla/5.0 Chrome/150.0 load").GET().build();
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            int index = c;
            Thread worker = new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < samples.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 && errors.incrementAndGet() == 1) {
                            System.err.println("first error: HTTP " + response.statusCode() + " from " + request.uri());
                        }
                        samples[n++] = System.nanoTime() - t0;
                    }
                } catch (IOException | InterruptedException e) {
                    if (errors.incrementAndGet() == 1) {
                        System.err.println("first error: " + e);
                    }
                } finally {
                    latencies.set(index, Arrays.copyOf(samples, n));
                    done.countDown();
                }
            });
            worker.start();
        }
        done.await();
        int total = 0;
        for (long[] each : latencies) {
            total += each.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] each : latencies) {
            System.arraycopy(each, 0, all, at, each.length);
            at += each.length;
        }
        Arrays.sort(all);
        return new Result(total / (double) seconds, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6, errors.get());
    }

    /** One line: a name, then each round's throughput and latency. */
    static void print(String name, Result... rounds) {
        StringBuilder line = new StringBuilder(String.format("%-46s", name));
        long errors = 0;
        for (Result round : rounds) {
            line.append(String.format(" | %7.0f req/s  p50 %6.1f ms  p99 %6.1f ms", round.perSecond(), round.p50(), round.p99()));
            errors += round.errors();
        }
        System.out.println(line.append(String.format("  (errors %d)", errors)));
    }

    /** The mean throughput of rounds. */
    static double mean(Result... rounds) {
        double sum = 0;
        for (Result round : rounds) {
            sum += round.perSecond();
        }
        return sum / rounds.length;
    }
}
