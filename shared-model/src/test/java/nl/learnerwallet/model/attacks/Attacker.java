package nl.learnerwallet.model.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import nl.learnerwallet.testsupport.LoopbackIssuer;

/**
 * Where an attack would make us connect: a real HTTP server on 127.0.0.1 that records every
 * request, and a bare listener on the same port of ::1 that counts every connection. A case that
 * says "no outgoing connection" points its URLs here and asserts {@link #untouched()}: since both
 * are reachable, zero is a measurement, not an assumption.
 */
final class Attacker implements AutoCloseable {

    final LoopbackIssuer http = LoopbackIssuer.http();
    private final ServerSocket v6;
    private final AtomicInteger v6Connections = new AtomicInteger();

    Attacker() {
        ServerSocket listener;
        try {
            listener = new ServerSocket(http.port(), 50, InetAddress.getByName("::1"));
        } catch (IOException e) {
            // A machine without IPv6 loopback: nothing can connect to [::1] there either.
            listener = null;
        }
        v6 = listener;
        if (v6 == null) {
            return;
        }
        Thread accept = new Thread(() -> {
            while (!v6.isClosed()) {
                try (Socket ignored = v6.accept()) {
                    v6Connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "attacker-v6");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return http.port();
    }

    String url(String path) {
        return http.url(path);
    }

    /** Nothing reached either listener. */
    void untouched() {
        assertThat(http.requests()).as("requests the attack made us send").isEmpty();
        assertThat(v6Connections.get()).as("connections to [::1]").isZero();
    }

    @Override
    public void close() {
        http.close();
        try {
            if (v6 != null) {
                v6.close();
            }
        } catch (IOException e) {
            // closing
        }
    }
}
