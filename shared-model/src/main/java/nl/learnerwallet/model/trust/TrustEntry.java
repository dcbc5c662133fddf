package nl.learnerwallet.model.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One trusted issuer: a DID (matched exactly) or an issuer URL prefix (matched on whole path
 * segments), with the name to show and where the entry came from, and optionally the issuer's
 * public keys as they were when it was added ({@code keys}, JWKs): the cache that lets offline
 * verification check did:web and https issuers, whose keys otherwise need the network.
 */
public record TrustEntry(String id, String name, String source, Instant addedAt, List<String> keys) {

    public TrustEntry(String id, String name, String source, Instant addedAt) {
        this(id, name, source, addedAt, null);
    }

    public TrustEntry {
        keys = keys == null ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(keys));
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (!isDid(id) && !isHttpsUrl(id)) {
            throw new IllegalArgumentException("a trust entry is a DID or an https:// issuer URL");
        }
        if (name.trim().isEmpty()) {
            throw new IllegalArgumentException("a trust entry needs a name");
        }
        source = source == null ? "user" : source;
    }

    /** Whether this entry covers the given issuer id. */
    public boolean covers(String issuerId) {
        if (issuerId == null) {
            return false;
        }
        if (isDid(id)) {
            return id.equals(issuerId) || issuerId.startsWith(id + "#");
        }
        if (!issuerId.startsWith(id)) {
            return false;
        }
        // https://uni.example/issuers/1 must not cover https://uni.example/issuers/12.
        return id.endsWith("/") || issuerId.length() == id.length()
                || "/?#".indexOf(issuerId.charAt(id.length())) >= 0;
    }

    private static boolean isDid(String value) {
        return value.startsWith("did:") && value.indexOf(':', 4) > 4;
    }

    private static boolean isHttpsUrl(String value) {
        return (value.startsWith("https://") && value.length() > "https://".length()) || isLoopbackHttp(value);
    }

    /**
     * Plain http only on this machine: the loopback sample issuer and test issuers serve http
     * (fetching from loopback also needs {@code WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true}).
     */
    private static boolean isLoopbackHttp(String value) {
        return value.startsWith("http://127.0.0.1:") || value.startsWith("http://127.0.0.1/")
                || value.startsWith("http://localhost:") || value.startsWith("http://localhost/");
    }
}
