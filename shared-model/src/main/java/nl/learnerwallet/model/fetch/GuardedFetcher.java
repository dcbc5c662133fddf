package nl.learnerwallet.model.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches documents named by credentials, as hostile input: at most {@code maxBytes} are read
 * (streamed; the transfer is abandoned past the limit, whatever {@code Content-Length} says),
 * the connect, read and whole-call time limits apply (so a trickling body ends at the call limit),
 * redirects are followed here, at most {@code maxRedirects} of them, each target re-checked, and
 * private addresses are refused when the connection is made (see {@link GuardedDns}). No system
 * proxy is used, so no proxy can be talked into reaching what the address check refuses.
 * Thread-safe; one instance shares its connection pool.
 */
public final class GuardedFetcher {

    private static final int CHUNK = 8192;
    /** What {@link #fetch(String)} asks for: the JSON(-LD) documents most credentials point at. */
    private static final String ACCEPT_JSON = "application/ld+json, application/json;q=0.9, */*;q=0.1";

    private final FetchConfig config;
    private final OkHttpClient client;
    private final java.util.Set<String> exemptHosts;
    private final okhttp3.Dns resolver;

    public GuardedFetcher(FetchConfig config) {
        this(config, java.util.Collections.<String>emptySet());
    }

    /** Tests only: names that may resolve to private addresses while every other name is checked. */
    GuardedFetcher(FetchConfig config, java.util.Set<String> exemptHosts) {
        this(config, exemptHosts, okhttp3.Dns.SYSTEM);
    }

    /** Tests only: with a resolver of the test's own (one whose answers change between lookups). */
    GuardedFetcher(FetchConfig config, java.util.Set<String> exemptHosts, okhttp3.Dns resolver) {
        this.config = config;
        this.exemptHosts = exemptHosts;
        this.resolver = resolver;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dns(new GuardedDns(config.allowPrivateNetworks(), exemptHosts, resolver))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                // Every fetch is a GET, so okhttp may retry it once on a fresh connection when a pooled
                // keep-alive one turns out closed by the issuer's server (most close idle ones within
                // seconds); without that, a genuine credential came out "issuer unreachable" on every
                // second view. Each retry is checked by the Dns and the interceptor below again.
                .retryOnConnectionFailure(true)
                .connectTimeout(config.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(config.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(config.callTimeoutMillis(), TimeUnit.MILLISECONDS)
                // Second layer: okhttp does not ask the Dns about IP literals, so the address the
                // socket actually connected to is checked before a byte of the request is sent.
                .addNetworkInterceptor(chain -> {
                    okhttp3.Connection connection = chain.connection();
                    java.net.InetAddress remote = connection == null ? null : connection.socket().getInetAddress();
                    if (remote != null && !config.allowPrivateNetworks()
                            && !exemptHosts.contains(chain.request().url().host()) && !AddressPolicy.isPublic(remote)) {
                        throw new GuardedDns.PrivateAddressRefused(chain.request().url().host());
                    }
                    return chain.proceed(chain.request());
                });
        if (config.sslSocketFactory() != null) {
            builder.sslSocketFactory(config.sslSocketFactory(), config.trustManager());
        }
        this.client = builder.build();
    }

    /** The defaults, with private networks allowed or not. */
    public static GuardedFetcher standard(boolean allowPrivateNetworks) {
        return new GuardedFetcher(FetchConfig.defaults().withAllowPrivateNetworks(allowPrivateNetworks));
    }

    public FetchConfig config() {
        return config;
    }

    /**
     * Fetches a JSON document over http or https.
     *
     * @throws FetchException with the {@link FetchProblem}; {@code HTTP_STATUS} carries the status
     */
    public FetchedDocument fetch(String url) {
        return fetch(url, false);
    }

    /** @param requireHttps true for did:web: the URL and every redirect must be https */
    public FetchedDocument fetch(String url, boolean requireHttps) {
        return fetch(url, requireHttps, ACCEPT_JSON);
    }

    /**
     * As {@link #fetch(String, boolean)}, asking for another media type, e.g.
     * {@code application/statuslist+jwt}; what the server answers is not checked against it.
     *
     * @param accept the {@code Accept} header to send
     */
    public FetchedDocument fetch(String url, boolean requireHttps, String accept) {
        HttpUrl current = parse(url, requireHttps);
        for (int hop = 0; ; hop++) {
            Request request = new Request.Builder().url(current)
                    .header("Accept", accept)
                    .get().build();
            try (Response response = client.newCall(request).execute()) {
                int code = response.code();
                if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
                    if (hop >= config.maxRedirects()) {
                        throw new FetchException(FetchProblem.TOO_MANY_REDIRECTS,
                                "more than " + config.maxRedirects() + " redirects from " + url);
                    }
                    String location = response.header("Location");
                    HttpUrl next = location == null ? null : current.resolve(location);
                    if (next == null) {
                        throw new FetchException(FetchProblem.BAD_URL, "a redirect without a usable Location");
                    }
                    current = parse(next.toString(), requireHttps);
                    continue;
                }
                if (code != 200) {
                    throw new FetchException(FetchProblem.HTTP_STATUS, code, "the server answered " + code, null);
                }
                ResponseBody body = response.body();
                long declared = body == null ? -1 : body.contentLength();
                if (declared > config.maxBytes()) {
                    throw new FetchException(FetchProblem.TOO_LARGE, "the document is larger than the limit");
                }
                byte[] bytes = body == null ? new byte[0] : readCapped(body.byteStream());
                String contentType = body == null || body.contentType() == null ? null : body.contentType().toString();
                return new FetchedDocument(url, current.toString(), contentType, bytes);
            } catch (FetchException e) {
                throw e;
            } catch (GuardedDns.PrivateAddressRefused e) {
                throw new FetchException(FetchProblem.PRIVATE_ADDRESS, 0, e.getMessage(), e);
            } catch (IOException e) {
                throw translate(e);
            }
        }
    }

    /** What a server answered a {@link #post}: its status and body (at most {@code maxBytes}), whatever the status. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * Sends a body with POST under the same guards (address checks, size and time limits). Not
     * retried and no redirect followed: a redirect answer is returned as it is, so nothing is sent
     * twice or somewhere the caller did not name.
     *
     * @param accept the {@code Accept} header to send
     * @throws FetchException {@code BAD_URL}, {@code PRIVATE_ADDRESS}, {@code TOO_LARGE}, {@code TIMEOUT},
     *     {@code UNREACHABLE}; never for a status
     */
    public Answer post(String url, String contentType, byte[] body, String accept) {
        return post(url, contentType, body, accept, java.util.Collections.<String, String>emptyMap());
    }

    /**
     * As {@link #post(String, String, byte[], String)}, with more request headers (e.g. an OAuth
     * {@code Authorization: Bearer} token).
     */
    public Answer post(String url, String contentType, byte[] body, String accept, java.util.Map<String, String> headers) {
        HttpUrl target = parse(url, false);
        Request.Builder builder = new Request.Builder().url(target).header("Accept", accept);
        for (java.util.Map.Entry<String, String> header : headers.entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        Request request = builder.post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get(contentType))).build();
        OkHttpClient once = client.newBuilder().retryOnConnectionFailure(false).build();
        try (Response response = once.newCall(request).execute()) {
            ResponseBody answer = response.body();
            byte[] bytes = answer == null ? new byte[0] : readCapped(answer.byteStream());
            String type = answer == null || answer.contentType() == null ? null : answer.contentType().toString();
            return new Answer(response.code(), type, bytes);
        } catch (IOException e) {
            // translate() knows a refused private address among the causes.
            throw translate(e);
        }
    }

    private byte[] readCapped(InputStream in) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int length = 0;
        int read;
        // Grow as bytes arrive: memory follows what was actually sent, never a length field.
        while ((read = in.read(buffer, length, buffer.length - length)) > 0) {
            length += read;
            if (length > config.maxBytes()) {
                throw new FetchException(FetchProblem.TOO_LARGE, "the document is larger than the limit");
            }
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(buffer.length * 2L, config.maxBytes() + 1));
            }
        }
        return Arrays.copyOf(buffer, length);
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // okhttp gives IPv6 literals without brackets
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isDigit(c) || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A host made only of numbers that is not a plain dotted quad: {@code 0177.0.0.1} is 127.0.0.1
     * to the C library and browsers but 177.0.0.1 to Java, {@code 0x7f.1} and {@code 2130706433}
     * are loopback to some and names to others. What we check and what would be connected to could
     * differ, so such a host is refused whatever it means (an issuer's real address is a name).
     */
    static boolean isAmbiguousNumericHost(String host) {
        if (host.indexOf(':') >= 0) {
            return false; // IPv6: okhttp has already parsed and canonicalised it
        }
        String[] labels = host.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            numeric &= label.matches("[0-9]+|0[xX][0-9a-fA-F]*");
        }
        if (!numeric) {
            return false;
        }
        if (labels.length != 4) {
            return true;
        }
        for (String label : labels) {
            if (!label.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(label) > 255) {
                return true;
            }
        }
        return false;
    }

    private static FetchException translate(IOException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof GuardedDns.PrivateAddressRefused) {
                return new FetchException(FetchProblem.PRIVATE_ADDRESS, 0, cause.getMessage(), e);
            }
            cause = cause.getCause();
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout")
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("canceled")) {
            return new FetchException(FetchProblem.TIMEOUT, 0, "the server took too long", e);
        }
        return new FetchException(FetchProblem.UNREACHABLE, 0, "the server could not be reached", e);
    }

    /**
     * Checks now, before anything is sent, that a URL is one this fetcher would connect to: an
     * http(s) URL whose host resolves only to addresses allowed here. The connection is checked
     * again when it is made (the name may resolve differently by then); this is for refusing early,
     * e.g. before the learner is asked to consent to sending something there.
     *
     * @throws FetchException {@code BAD_URL}, {@code PRIVATE_ADDRESS}, {@code UNREACHABLE} (no such host)
     */
    public void checkAddress(String url) {
        HttpUrl parsed = parse(url, false);
        if (config.allowPrivateNetworks() || exemptHosts.contains(parsed.host())) {
            return;
        }
        try {
            new GuardedDns(false, exemptHosts, resolver).lookup(parsed.host());
        } catch (GuardedDns.PrivateAddressRefused e) {
            throw new FetchException(FetchProblem.PRIVATE_ADDRESS, 0, e.getMessage(), e);
        } catch (java.net.UnknownHostException e) {
            throw new FetchException(FetchProblem.UNREACHABLE, 0, "the host " + parsed.host() + " is not known", e);
        }
    }

    private HttpUrl parse(String url, boolean requireHttps) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null) {
            throw new FetchException(FetchProblem.BAD_URL, "not an http(s) URL");
        }
        if (requireHttps && !parsed.isHttps()) {
            throw new FetchException(FetchProblem.NOT_HTTPS, "only https is allowed here");
        }
        if (isAmbiguousNumericHost(parsed.host())) {
            throw new FetchException(FetchProblem.BAD_URL, "the address " + parsed.host()
                    + " is written in a form (octal, hexadecimal, fewer than four parts) that parsers read differently");
        }
        if (!config.allowPrivateNetworks() && !exemptHosts.contains(parsed.host()) && isIpLiteral(parsed.host())) {
            try {
                // An IP literal: getByName parses it without any DNS lookup.
                if (!AddressPolicy.isPublic(java.net.InetAddress.getByName(parsed.host()))) {
                    throw new FetchException(FetchProblem.PRIVATE_ADDRESS, "refused to connect to " + parsed.host());
                }
            } catch (java.net.UnknownHostException e) {
                throw new FetchException(FetchProblem.BAD_URL, 0, "not an address", e);
            }
        }
        return parsed;
    }
}
