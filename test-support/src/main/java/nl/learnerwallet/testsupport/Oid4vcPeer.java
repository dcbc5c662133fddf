package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An independent OpenID4VCI 1.0 issuer and OpenID4VP 1.0 verifier for integration tests: the
 * Node program {@code interop/oid4vc/peer.mjs}, built on the OpenWallet Foundation's oid4vc-ts and
 * sd-jwt-js (see that folder's README.md for every endpoint and the JSON of each control call).
 *
 * <p>{@link #start()} finds {@code interop/oid4vc} by walking up from {@code user.dir} (as
 * {@link SdJwtJs} finds its scripts), runs {@code npm ci} there once when {@code node_modules} is
 * missing (under a file lock, so parallel test JVMs install once), and starts {@code node peer.mjs}
 * on a free loopback port. {@link #close()} stops it; the peer also exits by itself when this JVM
 * goes away, because it watches its stdin.
 *
 * <p>Control calls throw {@link IllegalStateException} when the peer answers with an error; the
 * message holds the status, the peer's answer and the tail of its stderr (one line per request).
 */
public final class Oid4vcPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FOLDER = Paths.get("interop", "oid4vc");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** The stderr kept for messages: the last this many characters. */
    private static final int STDERR_KEPT = 32 * 1024;


    private final Process process;
    private final String baseUrl;
    private final StringBuilder stderr;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Oid4vcPeer(Process process, String baseUrl, StringBuilder stderr) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.stderr = stderr;
    }

    /** Starts a peer with fresh keys and empty state; installs its dependencies first if needed. */
    public static Oid4vcPeer start() {
        Path folder = NodeFolder.installed(FOLDER, "peer.mjs", List.of("@openid4vc/openid4vci", "@openid4vc/openid4vp", "@sd-jwt/sd-jwt-vc", "jose"));
        Process process;
        try {
            process = new ProcessBuilder(List.of("node", "peer.mjs", "--exit-on-stdin-close"))
                    .directory(folder.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (scripts/test installs Node and npm): " + e.getMessage(), e);
        }
        StringBuilder stderr = new StringBuilder();
        Thread drain = new Thread(() -> collect(process.getErrorStream(), stderr), "oid4vc-peer-stderr");
        drain.setDaemon(true);
        drain.start();
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> firstLine(process.getInputStream()));
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            NodeFolder.destroy(process);
            throw new IllegalStateException("node peer.mjs printed no port within " + START_TIMEOUT + tail(stderr));
        } catch (InterruptedException e) {
            NodeFolder.destroy(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting node peer.mjs", e);
        } catch (ExecutionException e) {
            NodeFolder.destroy(process);
            throw new IllegalStateException("cannot read the output of node peer.mjs" + tail(stderr), e.getCause());
        }
        if (line == null) {
            waitBriefly(process);
            throw new IllegalStateException("node peer.mjs ended before listening"
                    + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + tail(stderr));
        }
        int port;
        try {
            port = JSON.readTree(line).path("port").asInt(0);
        } catch (JsonProcessingException e) {
            port = 0;
        }
        if (port <= 0) {
            NodeFolder.destroy(process);
            throw new IllegalStateException("node peer.mjs printed " + line + " instead of {\"port\": N}" + tail(stderr));
        }
        // Nothing more comes on stdout, but keep it drained so that the pipe never fills.
        Thread stdoutDrain = new Thread(() -> collect(process.getInputStream(), new StringBuilder()), "oid4vc-peer-stdout");
        stdoutDrain.setDaemon(true);
        stdoutDrain.start();
        return new Oid4vcPeer(process, "http://127.0.0.1:" + port, stderr);
    }

    /** The peer's base URL B: credential issuer identifier, authorization server and verifier. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The {@code interop/oid4vc} folder the peer runs in (with its node_modules installed). */
    public static Path folder() {
        return NodeFolder.installed(FOLDER, "peer.mjs", List.of("@openid4vc/openid4vci", "@openid4vc/openid4vp", "@sd-jwt/sd-jwt-vc", "jose"));
    }

    /**
     * {@code POST /test/offers}: {@code {configurationIds, grant: "pre-authorized_code" |
     * "authorization_code", txCode?, byReference?, deferred?}} in, {@code {id, offerUri, offer,
     * preAuthorizedCode? , issuerState?}} out.
     */
    public ObjectNode createOffer(ObjectNode request) {
        return call("POST", "/test/offers", request);
    }

    /** {@link #createOffer(ObjectNode)} for a pre-authorized or authorization code offer of these configurations. */
    public ObjectNode createOffer(String grant, String... configurationIds) {
        ObjectNode request = JSON.createObjectNode();
        request.put("grant", grant);
        for (String id : configurationIds) {
            request.withArray("configurationIds").add(id);
        }
        return createOffer(request);
    }

    /**
     * {@code POST /test/requests}: {@code {dcql, badSignature?, clientIdMismatch?, responseUri?}}
     * in, {@code {id, requestUri, nonce, state, clientId, requestObjectClientId}} out.
     */
    public ObjectNode createRequest(ObjectNode request) {
        return call("POST", "/test/requests", request);
    }

    /** {@link #createRequest(ObjectNode)} for this DCQL query, signed as it should be. */
    public ObjectNode createRequest(JsonNode dcql) {
        ObjectNode request = JSON.createObjectNode();
        request.set("dcql", dcql);
        return createRequest(request);
    }

    /**
     * {@code GET /test/results/{id}}: {@code {received, verified, error?, presented: {"<query id>":
     * [{format, claims}]}}}.
     */
    public ObjectNode result(String requestId) {
        return call("GET", "/test/results/" + URLEncoder.encode(requestId, StandardCharsets.UTF_8), null);
    }

    /** {@code GET /test/keys}: {@code {issuerDid, issuerPublicJwk, verifierDid, verifierPublicJwk, verifierClientId}}. */
    public ObjectNode keys() {
        return call("GET", "/test/keys", null);
    }

    /** What the peer wrote on stderr so far (the last 32 KiB): one line per request, with the reason of each refusal. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Stops the peer: closing its stdin ends it; it is killed if it has not ended within 5 s. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It is going anyway.
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode call(String method, String path, JsonNode body) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the oid4vc peer has ended (exit " + process.exitValue() + ")" + tail(stderr));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(CALL_TIMEOUT);
        if (body == null) {
            request.GET();
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the request for " + path, e);
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage() + tail(stderr), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() != 200) {
            // The peer logs a refusal before answering; give our stderr reader a moment to catch up.
            pause(Duration.ofMillis(100));
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body() + tail(stderr));
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            if (!(json instanceof ObjectNode)) {
                throw new IllegalStateException(method + " " + path + " answered no JSON object: " + response.body());
            }
            return (ObjectNode) json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    private static String tail(StringBuilder stderr) {
        String text;
        synchronized (stderr) {
            text = stderr.toString();
        }
        return text.isBlank() ? "" : "\npeer stderr:\n" + text.strip();
    }

    private static String firstLine(InputStream stream) {
        try {
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends what the stream says to the buffer, keeping only its last {@link #STDERR_KEPT} characters. */
    private static void collect(InputStream stream, StringBuilder into) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                synchronized (into) {
                    into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (into.length() > STDERR_KEPT) {
                        into.delete(0, into.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitBriefly(Process process) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
