package nl.learnerwallet.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.client.keys.AccountKey;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.protocol.SignedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The wallet server's API as the client uses it, every request signed with the account key
 * (a fresh nonce each time). Only ciphertext ever goes up. Not for untrusted URLs: this talks to
 * the server the learner chose.
 */
public final class ServerClient {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final MediaType JSON = MediaType.get("application/json");
    /** The largest backup this client accepts back; the server's own limit is lower. */
    private static final long MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;

    private final HttpUrl base;
    private final AccountKey key;
    private final OkHttpClient http;
    private final Clock clock;
    private final SecureRandom random;

    /** @throws ServerException {@code PROTOCOL} when the URL is not an http(s) URL */
    public ServerClient(String serverUrl, AccountKey key, Clock clock, SecureRandom random) {
        HttpUrl parsed = HttpUrl.parse(serverUrl);
        if (parsed == null) {
            throw new ServerException(ServerException.Problem.PROTOCOL, "the server address is not an http(s) URL");
        }
        this.base = parsed;
        this.key = key;
        this.clock = clock;
        this.random = random;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .followRedirects(false)
                .build();
    }

    /** A backup version as the server holds it. */
    public record RemoteBackup(long version, byte[] envelope) {
    }

    /** Registers the account (again is harmless); true when it is new. */
    public boolean register() {
        try (Response response = call("POST", "/api/v1/account", new byte[0], null)) {
            expect(response, 200, 201);
            return response.code() == 201;
        }
    }

    /** Deletes the account and every backup of it. */
    public void deleteAccount() {
        try (Response response = call("DELETE", "/api/v1/account", null, null)) {
            expect(response, 200);
        }
    }

    /** The newest backup, or null when the account has none. */
    public RemoteBackup latest() {
        try (Response response = call("GET", "/api/v1/backup", null, null)) {
            if (response.code() == 404 && "NO_BACKUP".equals(errorCode(response))) {
                return null;
            }
            expect(response, 200);
            long version = etagVersion(response.header("ETag"));
            return new RemoteBackup(version, read(response.body()));
        }
    }

    /**
     * Uploads the version after {@code replaces}.
     *
     * @throws ServerException {@code STALE_VERSION} (with the server's current version) when another
     *     device uploaded first
     */
    public long upload(long replaces, byte[] envelope) {
        try (Response response = call("PUT", "/api/v1/backup", envelope, "\"" + replaces + "\"")) {
            expect(response, 201);
            return etagVersion(response.header("ETag"));
        }
    }

    // ---- shares

    /** A share the server created: what the presentation must be signed for, and where links point. */
    public record CreatedShare(String id, String nonce, String audience, String linkBase, long expiresAt) {
    }

    /** A share as the server sees it, with its real state ({@code ACTIVE}, {@code EXPIRED}, {@code REVOKED}, ...). */
    public record ShareState(String id, String state, String purpose, long createdAt, long expiresAt, Integer maxViews,
            int views, Long revokedAt) {
    }

    /** One entry of a share's access log. */
    public record ShareViewEntry(long at, String kind, String browser) {
    }

    public CreatedShare createShare(String tokenHash, String purpose, long expiresAt, Integer maxViews) {
        com.fasterxml.jackson.databind.node.ObjectNode body = StrictJson.mapper().createObjectNode();
        body.put("tokenHash", tokenHash);
        body.put("purpose", purpose);
        body.put("expiresAt", expiresAt);
        if (maxViews != null) {
            body.put("maxViews", maxViews);
        }
        try (Response response = call("POST", "/api/v1/shares", bytes(body), null, JSON)) {
            expect(response, 201);
            JsonNode answer = json(response);
            return new CreatedShare(answer.path("id").asText(), answer.path("nonce").asText(),
                    answer.path("audience").asText(), answer.path("linkBase").asText(), answer.path("expiresAt").asLong());
        }
    }

    public ShareState uploadShare(String id, String token, String presentation) {
        com.fasterxml.jackson.databind.node.ObjectNode body = StrictJson.mapper().createObjectNode();
        body.put("token", token);
        body.put("presentation", presentation);
        try (Response response = call("PUT", "/api/v1/shares/" + id, bytes(body), null, JSON)) {
            expect(response, 200);
            return shareState(json(response));
        }
    }

    public java.util.List<ShareState> shares() {
        try (Response response = call("GET", "/api/v1/shares", null, null, null)) {
            expect(response, 200);
            java.util.List<ShareState> out = new java.util.ArrayList<>();
            for (JsonNode each : json(response)) {
                out.add(shareState(each));
            }
            return out;
        }
    }

    public ShareState share(String id) {
        try (Response response = call("GET", "/api/v1/shares/" + id, null, null, null)) {
            expect(response, 200);
            return shareState(json(response));
        }
    }

    public java.util.List<ShareViewEntry> shareLog(String id) {
        try (Response response = call("GET", "/api/v1/shares/" + id + "/log", null, null, null)) {
            expect(response, 200);
            java.util.List<ShareViewEntry> out = new java.util.ArrayList<>();
            for (JsonNode each : json(response)) {
                out.add(new ShareViewEntry(each.path("at").asLong(), each.path("kind").asText(), each.path("browser").asText()));
            }
            return out;
        }
    }

    public ShareState revokeShare(String id) {
        try (Response response = call("DELETE", "/api/v1/shares/" + id, null, null, null)) {
            expect(response, 200);
            return shareState(json(response));
        }
    }

    /**
     * The decisions an exam committee sent on one of this wallet's shares, from this wallet's own
     * server ({@code /s/TOKEN/decisions}, public like the page; no signature needed). Asked of the
     * server the wallet registered with, not of the link's host, so a server on this machine works too.
     */
    public JsonNode shareDecisions(String token) {
        HttpUrl url = base.newBuilder().encodedPath("/s/" + token + "/decisions").build();
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        try (Response response = http.newCall(request).execute()) {
            expect(response, 200);
            ResponseBody body = response.body();
            if (body == null || body.contentLength() > 8L * 1024 * 1024) {
                throw new ServerException(ServerException.Problem.PROTOCOL, "the server's answer is not a list of decisions");
            }
            return json(response);
        } catch (IOException e) {
            throw new ServerException(ServerException.Problem.UNREACHABLE,
                    "the wallet server at " + base + " could not be reached", -1, e);
        }
    }

    private static ShareState shareState(JsonNode node) {
        return new ShareState(node.path("id").asText(), node.path("state").asText(), node.path("purpose").asText(),
                node.path("createdAt").asLong(), node.path("expiresAt").asLong(),
                node.hasNonNull("maxViews") ? node.path("maxViews").asInt() : null, node.path("views").asInt(),
                node.hasNonNull("revokedAt") ? node.path("revokedAt").asLong() : null);
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonNode json(Response response) {
        try {
            ResponseBody body = response.body();
            if (body == null) {
                throw new ServerException(ServerException.Problem.PROTOCOL, "the server sent no answer");
            }
            return StrictJson.parse(body.bytes());
        } catch (IOException | RuntimeException e) {
            throw new ServerException(ServerException.Problem.PROTOCOL, "the server's answer is not readable", -1, e);
        }
    }

    private Response call(String method, String path, byte[] body, String ifMatch) {
        return call(method, path, body, ifMatch, OCTET_STREAM);
    }

    private Response call(String method, String path, byte[] body, String ifMatch, MediaType contentType) {
        byte[] content = body == null ? new byte[0] : body;
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        long created = clock.instant().getEpochSecond();
        HttpUrl url = base.newBuilder().encodedPath(path).build();
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(SignedRequest.canonical(
                method, url.encodedPath(), SignedRequest.sha256Hex(content), key.publicKey(), created, nonce)));
        SignedRequest signed = new SignedRequest(method, url.encodedPath(), SignedRequest.sha256Hex(content),
                key.publicKey(), created, nonce, signature);
        Request.Builder request = new Request.Builder().url(url).header("Authorization", signed.header());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? null : RequestBody.create(content, contentType));
        try {
            return http.newCall(request.build()).execute();
        } catch (IOException e) {
            throw new ServerException(ServerException.Problem.UNREACHABLE,
                    "the wallet server at " + base + " could not be reached", -1, e);
        }
    }

    private static void expect(Response response, int... codes) {
        for (int code : codes) {
            if (response.code() == code) {
                return;
            }
        }
        String error = errorCode(response);
        switch (response.code()) {
            case 401:
                throw new ServerException(ServerException.Problem.UNAUTHORIZED, "the server did not accept this device's signature");
            case 403:
                if ("ACCOUNT_SUSPENDED".equals(error)) {
                    throw new ServerException(ServerException.Problem.ACCOUNT_SUSPENDED,
                            "the server's operator suspended this account");
                }
                throw new ServerException(ServerException.Problem.PROTOCOL, "the server refused the request (403)");
            case 404:
                if ("UNKNOWN_SHARE".equals(error)) {
                    throw new ServerException(ServerException.Problem.UNKNOWN_SHARE, "the server has no such share for this wallet");
                }
                throw new ServerException(ServerException.Problem.UNKNOWN_ACCOUNT, "the server has no account for this wallet");
            case 422:
                throw new ServerException(ServerException.Problem.SHARE_REFUSED, "the server refused the presentation (" + error + ")");
            case 412:
                throw new ServerException(ServerException.Problem.STALE_VERSION, "another device backed up first",
                        etagVersion(response.header("ETag")), null);
            case 413:
                throw new ServerException(ServerException.Problem.TOO_LARGE, "the backup is larger than the server accepts");
            case 428:
                throw new ServerException(ServerException.Problem.PRECONDITION_REQUIRED, "the server wants to know which version is replaced");
            case 429:
                throw new ServerException(ServerException.Problem.RATE_LIMITED, "the server asks to wait before trying again");
            case 507:
                throw new ServerException(ServerException.Problem.QUOTA_EXCEEDED, "the account's storage on the server is full");
            default:
                throw new ServerException(ServerException.Problem.PROTOCOL,
                        "the server answered " + response.code() + (error == null ? "" : " (" + error + ")"));
        }
    }

    private static String errorCode(Response response) {
        try {
            ResponseBody body = response.peekBody(4096);
            JsonNode node = StrictJson.parse(body.bytes());
            return node.path("error").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long etagVersion(String etag) {
        if (etag == null) {
            throw new ServerException(ServerException.Problem.PROTOCOL, "the server did not say which version it holds");
        }
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ServerException(ServerException.Problem.PROTOCOL, "the server sent an unreadable version");
        }
    }

    private static byte[] read(ResponseBody body) {
        if (body == null) {
            throw new ServerException(ServerException.Problem.PROTOCOL, "the server sent no backup");
        }
        try (InputStream in = body.byteStream()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            int read;
            long total = 0;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > MAX_DOWNLOAD_BYTES) {
                    throw new ServerException(ServerException.Problem.TOO_LARGE, "the server sent a backup larger than any wallet");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ServerException(ServerException.Problem.UNREACHABLE, "the backup download broke off", -1, e);
        }
    }
}
