package nl.learnerwallet.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.learnerwallet.client.oid4vc.CredentialReceiver;
import nl.learnerwallet.client.oid4vc.Oid4vcException;

/**
 * The learner's browser for the authorization code flow, the way native apps do it (RFC 8252
 * section 7.3): a one-shot listener on a loopback port receives the issuer's redirect. The address
 * to open is always printed; it is also opened with {@code $BROWSER} (a command, {@code %s} for
 * the address) or {@code xdg-open} when a desktop is there, unless {@code --no-browser}.
 */
final class SignInBrowser implements CredentialReceiver.AuthorizationBrowser, AutoCloseable {

    static final Duration SIGN_IN_TIME = Duration.ofMinutes(5);

    private final WalletCommand root;
    private final boolean open;
    private final HttpServer server;
    private final CompletableFuture<URI> redirect = new CompletableFuture<>();

    SignInBrowser(WalletCommand root, boolean open) {
        this.root = root;
        this.open = open;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new CliException(ExitCode.UNREACHABLE, "NO_LOOPBACK", Messages.get("receive.noLoopback"));
        }
        server.createContext("/callback", exchange -> {
            URI requested = exchange.getRequestURI();
            byte[] page = Messages.get("receive.signedInPage").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
            redirect.complete(URI.create(redirectUri() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery())));
        });
        server.start();
    }

    @Override
    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    @Override
    public URI authorize(URI request, String issuerName) {
        root.err().println(Messages.get("receive.signIn", issuerName, request));
        root.err().flush();
        if (open) {
            launch(request);
        }
        try {
            return redirect.get(SIGN_IN_TIME.toMinutes(), TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new Oid4vcException(Oid4vcException.Problem.AUTHORIZATION_FAILED,
                    "you did not finish signing in at the issuer within " + SIGN_IN_TIME.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Oid4vcException(Oid4vcException.Problem.AUTHORIZATION_FAILED, "signing in was interrupted");
        } catch (ExecutionException e) {
            throw new Oid4vcException(Oid4vcException.Problem.AUTHORIZATION_FAILED, "signing in failed", e);
        }
    }

    /** Starts the learner's browser; when none can be started, the printed address is what remains. */
    private void launch(URI request) {
        String configured = root.environment("BROWSER");
        List<String> command = new ArrayList<>();
        if (configured != null && !configured.trim().isEmpty()) {
            String first = configured.split(":")[0].trim(); // $BROWSER may list alternatives; the first is tried
            for (String part : first.split("\\s+")) {
                command.add(part.replace("%s", request.toString()));
            }
            if (!first.contains("%s")) {
                command.add(request.toString());
            }
        } else if (root.environment("DISPLAY") != null || root.environment("WAYLAND_DISPLAY") != null) {
            command.addAll(Arrays.asList("xdg-open", request.toString()));
        } else {
            return;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            root.err().println(Messages.get("receive.noBrowser", command.get(0)));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
