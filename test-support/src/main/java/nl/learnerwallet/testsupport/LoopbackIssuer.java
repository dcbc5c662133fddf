package nl.learnerwallet.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A real HTTP (or HTTPS, with a self-signed test certificate for 127.0.0.1) server on loopback that
 * plays an issuer: it serves whatever documents a test puts at a path (assertions, badge classes,
 * issuer profiles, keys, revocation lists, did:web documents, status lists), plain statuses
 * (404, 410), redirects, and hostile bodies (a lazily generated 1 GB body, a trickle). It records
 * every path requested, so tests can prove that something was never fetched, and every request
 * that carries a body (POST, PUT) with that body, so tests can check what was sent ({@link #received()});
 * any route answers whatever the method, and a {@link #handler} can answer by method.
 */
public final class LoopbackIssuer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** More than any test sends; a larger body is cut off here, not kept whole. */
    private static final int MAX_RECORDED_BODY = 4 * 1024 * 1024;
    private final SSLContext sslContext;
    private final X509TrustManager trustManager;

    private LoopbackIssuer(boolean https) throws Exception {
        this(https, 0);
    }

    private LoopbackIssuer(boolean https, int port) throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (https) {
            KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
            X509Certificate certificate = selfSigned(pair);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("issuer", pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("issuer", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            trustManager = (X509TrustManager) trust.getTrustManagers()[0];
            sslContext = SSLContext.getInstance("TLS");
            sslContext.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            HttpsServer httpsServer = HttpsServer.create(address, 0);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(sslContext));
            server = httpsServer;
        } else {
            sslContext = null;
            trustManager = null;
            server = HttpServer.create(address, 0);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-issuer");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackIssuer http() {
        try {
            return new LoopbackIssuer(false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the loopback issuer", e);
        }
    }

    /** On a fixed port (0 picks a free one), for the sample issuer. */
    public static LoopbackIssuer http(int port) {
        try {
            return new LoopbackIssuer(false, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the loopback issuer on port " + port, e);
        }
    }

    public static LoopbackIssuer https() {
        try {
            return new LoopbackIssuer(true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the loopback issuer", e);
        }
    }

    /** http(s)://127.0.0.1:PORT */
    public String base() {
        return (sslContext == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The did:web of this server ({@code did:web:127.0.0.1%3APORT}), whose document is at /.well-known/did.json. */
    public String didWeb() {
        return "did:web:127.0.0.1%3A" + port();
    }

    /** For the client of an HTTPS issuer: trusts only this server's test certificate. */
    public SSLSocketFactory clientSocketFactory() {
        return sslContext.getSocketFactory();
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public LoopbackIssuer json(String path, String body) {
        return respond(path, 200, "application/ld+json", body.getBytes(StandardCharsets.UTF_8));
    }

    public LoopbackIssuer text(String path, String contentType, String body) {
        return respond(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public LoopbackIssuer bytes(String path, String contentType, byte[] body) {
        return respond(path, 200, contentType, body);
    }

    public LoopbackIssuer status(String path, int status) {
        return respond(path, status, "text/plain", new byte[0]);
    }

    public LoopbackIssuer redirect(String path, String location) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    /** A body of {@code size} bytes generated as it is sent: nothing of that size is ever allocated. */
    public LoopbackIssuer huge(String path, long size) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: the client cannot trust a length up front
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        return this;
    }

    /** A body that sends one byte every {@code intervalMillis}, forever (until the client gives up). */
    public LoopbackIssuer trickle(String path, long intervalMillis) {
        routes.put(path, exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(intervalMillis);
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up, as it should
            }
        });
        return this;
    }

    public LoopbackIssuer handler(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Every path requested so far (with query), in order. */
    public List<String> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /** A request that carried a body, as it arrived. */
    public record Received(String method, String path, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Every request other than GET and HEAD so far, in order, with its body. The body is read before
     * the route runs, so a {@link #handler} finds it here rather than in the exchange.
     */
    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    private LoopbackIssuer respond(String path, int status, String contentType, byte[] body) {
        routes.put(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query == null ? path : path + "?" + query);
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            byte[] body;
            try (java.io.InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_RECORDED_BODY);
            }
            received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        HttpHandler route = routes.get(path);
        if (route == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        route.handle(exchange);
    }

    private static X509Certificate selfSigned(KeyPair pair) throws Exception {
        X500Name name = new X500Name("CN=127.0.0.1");
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now), new Date(now - 60_000),
                new Date(now + 86_400_000L), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
