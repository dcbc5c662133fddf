package nl.learnerwallet.cli;

import nl.learnerwallet.testsupport.ServerProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.learnerwallet.client.keys.AccountKey;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.ServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lost updates: devices of one wallet race conditional backup writes against the real server.
 * Each reads the newest version, appends its own line and uploads with {@code If-Match} naming the
 * version it read; a 412 sends it back to read again. In the end the newest backup is exactly the
 * acknowledged lines in version order — no acknowledged write is missing or twice, no version was
 * given out twice — and the server answered no request with an error (5xx) or anything but 201/412.
 *
 * <p>{@value #DEFAULT_WRITES} writes in the normal build, shared by rounds of 2, 4 and 8 devices;
 * {@code -Drace.writes=10000} for the full run (SECURITY.md has the command and the figures).
 */
class LostUpdateIT {

    private static final int DEFAULT_WRITES = 1_000;

    @TempDir
    Path serverFolder;

    private final SecureRandom random = new SecureRandom();

    @Test
    void racingConditionalWritesLoseNoUpdate() throws Exception {
        int writes = Integer.getInteger("race.writes", DEFAULT_WRITES);
        int[] rounds = {2, 4, 8};
        try (ServerProcess server = new ServerProcess(serverFolder).start()) {
            for (int devices : rounds) {
                Round round = race(server, devices, writes / rounds.length);
                System.out.printf("lost updates: %d devices, %d conditional writes, %d acknowledged, %d refused as stale,"
                        + " %d server errors, %d lost%n", devices, round.attempts.get(), round.acknowledged.size(),
                        round.stale.get(), round.errors.get(), round.lost);
                assertThat(round.errors.get()).as("server errors").isZero();
                assertThat(round.twice.get()).as("versions acknowledged twice").isZero();
                assertThat(round.lost).as("lost updates").isZero();
                assertThat(round.attempts.get()).isGreaterThanOrEqualTo(writes / rounds.length);
                assertThat(round.acknowledged).isNotEmpty();
            }
        }
    }

    /** What one round saw. */
    private static final class Round {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger stale = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        /** Versions the server acknowledged to two writes. */
        final AtomicInteger twice = new AtomicInteger();
        /** version → the line that version added. */
        final Map<Long, String> acknowledged = new TreeMap<>();
        long lost;
    }

    private Round race(ServerProcess server, int devices, int writes) throws Exception {
        AccountKey key = AccountKey.fromRecoveryCode(RecoveryCode.generate(random));
        new ServerClient(server.url(), key, Clock.systemUTC(), random).register();
        Round round = new Round();
        List<Thread> threads = new ArrayList<>();
        for (int device = 0; device < devices; device++) {
            ServerClient client = new ServerClient(server.url(), key, Clock.systemUTC(), random);
            String name = "d" + device;
            threads.add(new Thread(() -> write(client, name, writes, round), name));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        ServerClient.RemoteBackup latest = new ServerClient(server.url(), key, Clock.systemUTC(), random).latest();
        List<String> lines = latest == null ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(new String(latest.envelope(), StandardCharsets.UTF_8).split("\n")));
        List<String> expected = new ArrayList<>(round.acknowledged.values());
        assertThat(latest == null ? 0 : latest.version()).isEqualTo(round.acknowledged.size());
        assertThat(round.acknowledged.keySet()).as("every version given out once, in order").containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, round.acknowledged.size()).boxed().toList());
        round.lost = expected.stream().filter(line -> !lines.contains(line)).count();
        assertThat(lines).as("the newest backup holds every acknowledged write, once, in order").isEqualTo(expected);
        return round;
    }

    private void write(ServerClient client, String device, int writes, Round round) {
        int sequence = 0;
        while (round.attempts.get() < writes && round.errors.get() < 100) {
            ServerClient.RemoteBackup latest;
            try {
                latest = client.latest();
            } catch (ServerException e) {
                round.errors.incrementAndGet();
                continue;
            }
            long read = latest == null ? 0 : latest.version();
            String line = device + ":" + sequence++;
            byte[] before = latest == null ? new byte[0] : latest.envelope();
            byte[] body = ((before.length == 0 ? "" : new String(before, StandardCharsets.UTF_8) + "\n") + line)
                    .getBytes(StandardCharsets.UTF_8);
            round.attempts.incrementAndGet();
            try {
                long stored = client.upload(read, body);
                synchronized (round.acknowledged) {
                    if (round.acknowledged.put(stored, line) != null) {
                        round.twice.incrementAndGet();
                    }
                }
            } catch (ServerException e) {
                if (e.problem() == ServerException.Problem.STALE_VERSION) {
                    round.stale.incrementAndGet();
                } else {
                    round.errors.incrementAndGet();
                }
            }
        }
    }
}
