package nl.learnerwallet.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A folder of test-only Node scripts under {@code interop/} (sd-jwt-js, the OpenID4VC peer): found
 * by walking up from {@code user.dir}, its npm dependencies installed by the first caller that
 * finds none, and its commands run with both output streams drained.
 */
final class NodeFolder {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private NodeFolder() {
    }

    /** What a command did. */
    record Result(String command, int exitCode, String stdout, String stderr) {

        IllegalStateException failure() {
            List<String> parts = new ArrayList<>();
            parts.add(command + " exited " + exitCode);
            if (!stderr.isBlank()) {
                parts.add(stderr.strip());
            }
            if (!stdout.isBlank()) {
                parts.add("stdout: " + stdout.strip());
            }
            return new IllegalStateException(String.join("\n", parts));
        }
    }

    /**
     * The folder {@code relative} (e.g. {@code interop/oid4vc}) holding {@code marker}, installed.
     * Test JVMs of modules built in parallel ({@code mvn -T}) share the folder, so the check and the
     * install also hold a file lock.
     *
     * @param packages packages whose {@code package.json} must be in {@code node_modules}
     */
    @SuppressWarnings("try") // the lock is held by being open, never referenced
    static synchronized Path installed(Path relative, String marker, List<String> packages) {
        Path directory = find(relative, marker);
        if (installed(directory, packages)) {
            return directory;
        }
        Path lockFile = Paths.get(System.getProperty("java.io.tmpdir"),
                "learner-wallet-" + relative.getFileName() + "-install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            if (!installed(directory, packages)) {
                // npm ci installs exactly package-lock.json, after removing any half-installed node_modules.
                Result install = run(directory, List.of(npm(), "ci", "--no-audit", "--no-fund"), new byte[0], INSTALL_TIMEOUT);
                if (install.exitCode() != 0) {
                    throw install.failure();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + lockFile + " to install " + directory, e);
        }
        return directory;
    }

    /** npm writes node_modules/.package-lock.json last, so an interrupted install does not count. */
    private static boolean installed(Path directory, List<String> packages) {
        boolean all = Files.isRegularFile(directory.resolve("node_modules/.package-lock.json"));
        for (String name : packages) {
            all &= Files.isRegularFile(directory.resolve("node_modules").resolve(name).resolve("package.json"));
        }
        return all;
    }

    private static Path find(Path relative, String marker) {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            Path folder = candidate.resolve(relative);
            if (Files.isRegularFile(folder.resolve("package.json")) && Files.isRegularFile(folder.resolve(marker))) {
                return folder;
            }
        }
        throw new IllegalStateException("no " + relative.resolve(marker) + " in " + start + " or any directory above it");
    }

    static String npm() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    /** Runs a command to its end (or the timeout), {@code input} on its stdin. */
    static Result run(Path directory, List<String> command, byte[] input, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (scripts/test installs Node and npm): " + e.getMessage(), e);
        }
        // Both streams are drained while the process runs, so that neither pipe fills and blocks it.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // The process ended before reading all of stdin; its exit code and stderr say why.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroy(process);
                throw new IllegalStateException(String.join(" ", command) + " in " + directory + " did not finish within " + timeout);
            }
            return new Result(String.join(" ", command) + " in " + directory, process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e.getCause());
        }
    }

    /** npm and node run work in child processes; those go too. */
    static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
