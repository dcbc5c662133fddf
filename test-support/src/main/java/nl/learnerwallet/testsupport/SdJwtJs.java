package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The OpenWallet Foundation's sd-jwt-js, an SD-JWT VC implementation independent of ours, run
 * as Node scripts from {@code interop/sd-jwt-js} (see its README.md for the request and response
 * JSON of each). Each call starts {@code node} with the request on stdin.
 *
 * <p>The scripts' folder is found by walking up from {@code user.dir} to the directory that holds
 * {@code interop/sd-jwt-js/package.json}. When its {@code node_modules} is missing, the first call
 * runs {@code npm ci} there, so tests work from a clean clone (needs the npm registry).
 *
 * <p>Every method throws {@link IllegalStateException} when the folder is not found, node or npm
 * cannot be run, a script fails or rejects the request (its stderr is in the message), or a run
 * takes longer than its hang guard; a presentation that does not verify is not such a failure.
 */
public final class SdJwtJs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPTS = Paths.get("interop", "sd-jwt-js");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    /** verify.mjs's exit code for "did not verify", as opposed to a failure of the script. */
    private static final int NOT_VERIFIED = 1;

    private static Path directory;

    private SdJwtJs() {
    }

    /** Issues an SD-JWT VC with issue.mjs; returns the compact {@code <jwt>~<disclosure>~...~}. */
    public static String issue(ObjectNode request) {
        return succeeded(run("issue.mjs", request)).trim();
    }

    /** Makes a presentation with present.mjs; returns the compact presentation, KB-JWT last. */
    public static String present(ObjectNode request) {
        return succeeded(run("present.mjs", request)).trim();
    }

    /**
     * Verifies a presentation with verify.mjs; returns its output whether it verified or not:
     * {@code {"verified": true, "header", "payload", "keyBinding"}} or
     * {@code {"verified": false, "rejectedBy", "error"}}.
     */
    public static JsonNode verify(ObjectNode request) {
        Result result = run("verify.mjs", request);
        if (result.exitCode() != 0 && result.exitCode() != NOT_VERIFIED) {
            throw result.failure();
        }
        JsonNode output;
        try {
            output = JSON.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("verify.mjs printed no JSON: " + result.stdout(), e);
        }
        if (output == null || output.path("verified").asBoolean() != (result.exitCode() == 0)) {
            throw new IllegalStateException("verify.mjs exited " + result.exitCode() + " but printed " + result.stdout());
        }
        return output;
    }

    private static String succeeded(Result result) {
        if (result.exitCode() != 0) {
            throw result.failure();
        }
        return result.stdout();
    }

    private static Result run(String script, ObjectNode request) {
        Path scripts = installedScripts();
        byte[] input;
        try {
            input = JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request for " + script, e);
        }
        return execute(scripts, List.of("node", script), input, SCRIPT_TIMEOUT);
    }

    /**
     * The scripts' folder, with its dependencies installed by the first caller that finds none.
     * Test JVMs of modules built in parallel ({@code mvn -T}) share the folder, so the check and
     * the install also hold a file lock.
     */
    private static synchronized Path installedScripts() {
        if (directory == null) {
            directory = findScripts();
        }
        if (installed()) {
            return directory;
        }
        Path lockFile = Paths.get(System.getProperty("java.io.tmpdir"), "learner-wallet-sd-jwt-js-install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            if (!installed()) {
                // npm ci installs exactly package-lock.json, after removing any half-installed node_modules.
                Result install = execute(directory, List.of(npm(), "ci", "--no-audit", "--no-fund"), new byte[0], INSTALL_TIMEOUT);
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
    private static boolean installed() {
        return Files.isRegularFile(directory.resolve("node_modules/.package-lock.json"))
                && Files.isRegularFile(directory.resolve("node_modules/@sd-jwt/sd-jwt-vc/package.json"))
                && Files.isRegularFile(directory.resolve("node_modules/@sd-jwt/crypto-nodejs/package.json"));
    }

    private static Path findScripts() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            Path scripts = candidate.resolve(SCRIPTS);
            if (Files.isRegularFile(scripts.resolve("package.json"))) {
                return scripts;
            }
        }
        throw new IllegalStateException("no " + SCRIPTS.resolve("package.json") + " in " + start + " or any directory above it");
    }

    private static String npm() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    private static Result execute(Path directory, List<String> command, byte[] input, Duration timeout) {
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
            return new Result(String.join(" ", command), process.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + String.join(" ", command), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e.getCause());
        }
    }

    /** npm runs its work in child processes; those go too. */
    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(String command, int exitCode, String stdout, String stderr) {

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
}
