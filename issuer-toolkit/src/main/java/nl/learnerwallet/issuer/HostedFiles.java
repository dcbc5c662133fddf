package nl.learnerwallet.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves an organisation's {@code public/} folder over plain HTTP on 127.0.0.1, for local testing
 * and the demo: a did:jwk issuer's status lists, or any organisation's files before they go on its
 * real web server (a did:web or https issuer needs HTTPS there; wallets refuse did:web over HTTP).
 * Files are read when asked for, so a status list rewritten by a revocation is served at once.
 * GET and HEAD only; paths that leave the folder, dot segments and hidden files are not served.
 * Wallets fetch from loopback only with {@code WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true}.
 */
public final class HostedFiles implements AutoCloseable {

    /** A folder's URL serves this file in it: an https issuer's profile sits at the issuer id. */
    static final String INDEX = "index.json";

    private final Path root;
    private HttpServer server;
    private ExecutorService executor;

    /** @param publicDirectory the folder to serve, e.g. {@link Organisation#publicDirectory()} */
    public HostedFiles(Path publicDirectory) {
        this.root = publicDirectory.toAbsolutePath().normalize();
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @throws IssuerException {@code PORT_UNAVAILABLE} [port] when it cannot listen there
     */
    public synchronized HostedFiles start(int port) {
        if (server != null) {
            throw new IllegalStateException("already serving");
        }
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "hosted-files");
                thread.setDaemon(true);
                return thread;
            });
            started.setExecutor(executor);
            started.createContext("/", this::handle);
            started.start();
            server = started;
            return this;
        } catch (IOException | IllegalArgumentException e) {
            if (executor != null) {
                executor.shutdownNow();
            }
            throw new IssuerException(IssuerException.Problem.PORT_UNAVAILABLE, "cannot listen on port " + port, e,
                    Integer.toString(port));
        }
    }

    /** The port it listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not serving");
        }
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops serving at once. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The media type a published file is served with: {@code application/did+json} for a DID
     * document, {@code application/statuslist+jwt} for a Token Status List ({@code status/token-N}),
     * {@code application/vc+jwt} for a Bitstring Status List credential ({@code status/N}),
     * {@code application/json} for JSON documents and JWT VC Issuer Metadata.
     */
    public static String contentType(String urlPath) {
        String path = urlPath.toLowerCase(Locale.ROOT);
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("did.json")) {
            return "application/did+json";
        }
        if (path.contains("/status/")) {
            return name.startsWith("token-") ? "application/statuslist+jwt" : "application/vc+jwt";
        }
        if (name.endsWith(".json") || path.startsWith("/.well-known/jwt-vc-issuer") || name.isEmpty()
                || !name.contains(".")) {
            return "application/json";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".jwt")) {
            return "application/vc+jwt";
        }
        return "application/octet-stream";
    }

    /**
     * The file under {@code root} for a decoded URL path, or null when the path has a dot segment,
     * an empty or hidden segment, or a character that cannot be in a file name here. A path ending
     * in {@code /} (or the root) names its folder's {@link #INDEX}.
     */
    static Path fileFor(Path root, String urlPath) {
        if (urlPath == null || !urlPath.startsWith("/")) {
            return null;
        }
        Path file = root;
        String[] segments = urlPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i == segments.length - 1) {
                return file.resolve(INDEX);
            }
            if (segment.isEmpty() || (segment.startsWith(".") && !segment.equals(".well-known"))
                    || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0 || segment.indexOf(':') >= 0) {
                return null;
            }
            file = file.resolve(segment);
        }
        return file;
    }

    /** The URL path a file in the published folder is served at: {@code status/1} → {@code /status/1}, {@code a/index.json} → {@code /a}. */
    static String urlPathOf(Path relative) {
        StringBuilder path = new StringBuilder();
        for (Path segment : relative) {
            path.append('/').append(segment);
        }
        String text = path.toString();
        return text.endsWith("/" + INDEX) ? text.substring(0, text.length() - INDEX.length() - 1) : text;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            URI uri = exchange.getRequestURI();
            Path file = fileFor(root, uri.getPath());
            if (file != null && Files.isDirectory(file)) {
                file = file.resolve(INDEX);
            }
            if (file == null || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root.toRealPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", contentType(uri.getPath()));
            // Status lists change when a credential is revoked: always ask again.
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }
}
