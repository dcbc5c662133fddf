package nl.learnerwallet.server.ratelimit;

import io.micronaut.http.HttpRequest;
import java.util.List;

/**
 * Who a client is, for rate limits: the socket's address, unless that is one of the configured
 * trusted proxies, in which case the nearest address in {@code X-Forwarded-For} that is not one.
 * Never stored: limits keep only hashes of it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request, List<String> trustedProxies) {
        String socket = request.getRemoteAddress().getAddress().getHostAddress();
        if (!trustedProxies.contains(socket)) {
            return socket;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null) {
            return socket;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return socket;
    }
}
