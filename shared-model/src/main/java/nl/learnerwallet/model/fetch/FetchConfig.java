package nl.learnerwallet.model.fetch;

import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The fetcher's limits. {@code allowPrivateNetworks} is for tests and the local demo only
 * ({@code wallet.fetch.allow-private-networks=true}, env {@code WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true}).
 * The TLS pair is for tests that serve did:web with a test certificate; null means the platform's trust.
 */
public record FetchConfig(
        long maxBytes,
        int connectTimeoutMillis,
        int readTimeoutMillis,
        int callTimeoutMillis,
        int maxRedirects,
        boolean allowPrivateNetworks,
        SSLSocketFactory sslSocketFactory,
        X509TrustManager trustManager) {

    /** Issuer documents are small: a badge class with its image inlined stays well under 2 MiB. */
    public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 3;

    public FetchConfig {
        if (maxBytes <= 0 || connectTimeoutMillis <= 0 || readTimeoutMillis <= 0 || callTimeoutMillis <= 0
                || maxRedirects < 0) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
        if ((sslSocketFactory == null) != (trustManager == null)) {
            throw new IllegalArgumentException("give both the SSL socket factory and its trust manager, or neither");
        }
    }

    /** 2 MiB, 5 s to connect, 10 s between bytes, 20 s for the whole call, 3 redirects, public addresses only. */
    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_MAX_BYTES, 5_000, 10_000, 20_000, DEFAULT_MAX_REDIRECTS, false, null, null);
    }

    public FetchConfig withAllowPrivateNetworks(boolean allow) {
        return new FetchConfig(maxBytes, connectTimeoutMillis, readTimeoutMillis, callTimeoutMillis, maxRedirects,
                allow, sslSocketFactory, trustManager);
    }

    public FetchConfig withTimeouts(int connectMillis, int readMillis, int callMillis) {
        return new FetchConfig(maxBytes, connectMillis, readMillis, callMillis, maxRedirects, allowPrivateNetworks,
                sslSocketFactory, trustManager);
    }

    public FetchConfig withMaxBytes(long bytes) {
        return new FetchConfig(bytes, connectTimeoutMillis, readTimeoutMillis, callTimeoutMillis, maxRedirects,
                allowPrivateNetworks, sslSocketFactory, trustManager);
    }

    public FetchConfig withTls(SSLSocketFactory factory, X509TrustManager manager) {
        return new FetchConfig(maxBytes, connectTimeoutMillis, readTimeoutMillis, callTimeoutMillis, maxRedirects,
                allowPrivateNetworks, factory, manager);
    }

    /** Reads the switch from a configuration value ("true", case-insensitive); anything else is false. */
    public static boolean parseAllow(String value) {
        return value != null && "true".equalsIgnoreCase(value.trim());
    }
}
