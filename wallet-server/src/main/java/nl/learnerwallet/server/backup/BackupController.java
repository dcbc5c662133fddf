package nl.learnerwallet.server.backup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.server.auth.RequestAuthenticator;
import nl.learnerwallet.server.db.WriteGate;

/**
 * {@code /api/v1/backup}: the newest ciphertext (GET, with its version as ETag), a new version
 * (PUT, with {@code If-Match} naming the version it replaces, {@code "0"} or
 * {@code If-None-Match: *} for the first), and the kept versions ({@code /versions}).
 */
@Controller("/api/v1/backup")
public class BackupController {

    private final RequestAuthenticator authenticator;
    private final BackupService backups;
    private final WriteGate writeGate;

    public BackupController(RequestAuthenticator authenticator, BackupService backups, WriteGate writeGate) {
        this.authenticator = authenticator;
        this.backups = backups;
        this.writeGate = writeGate;
    }

    @Get(produces = {MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public HttpResponse<?> latest(HttpRequest<?> request) {
        String account = authenticator.authenticate(request, null);
        BackupVersion version = backups.latest(account).orElseThrow(NoBackupException::new);
        return HttpResponse.ok(version.ciphertext())
                .header(HttpHeaders.ETAG, etag(version.version()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(uri = "/versions", produces = MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> versions(HttpRequest<?> request) {
        String account = authenticator.authenticate(request, null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (BackupVersionInfo info : backups.list(account)) {
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("version", info.version());
            each.put("sizeBytes", info.sizeBytes());
            each.put("createdAt", info.createdAt());
            out.add(each);
        }
        return out;
    }

    @Put(consumes = MediaType.APPLICATION_OCTET_STREAM, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> store(HttpRequest<?> request, @Body byte[] body,
            @Nullable @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) String ifMatch,
            @Nullable @io.micronaut.http.annotation.Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String account = authenticator.authenticate(request, body);
        Long expected = expectedVersion(ifMatch, ifNoneMatch);
        if (expected == null) {
            throw new VersionNotNamedException();
        }
        BackupVersionInfo stored = writeGate.write(() -> backups.store(account, expected, body));
        return HttpResponse.created(Map.of("version", stored.version(), "sizeBytes", stored.sizeBytes()))
                .header(HttpHeaders.ETAG, etag(stored.version()));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an upload replaces, or null when the request does not say (428). */
    private static Long expectedVersion(String ifMatch, String ifNoneMatch) {
        if (ifMatch != null) {
            String value = ifMatch.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 3 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return value.matches("[0-9]{1,15}") ? Long.valueOf(value) : null;
        }
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) {
            return 0L;
        }
        return null;
    }
}
