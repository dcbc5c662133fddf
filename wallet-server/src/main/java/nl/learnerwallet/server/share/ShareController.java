package nl.learnerwallet.server.share;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.server.auth.RequestAuthenticator;
import nl.learnerwallet.server.config.WalletConfig;
import nl.learnerwallet.server.db.WriteGate;

/**
 * {@code /api/v1/shares}: the learner's side of share links, every request signed with the account
 * key. POST creates (token hash, purpose, expiry, view limit) and answers the id, nonce and
 * audience to sign for; PUT {id} uploads the token and the presentation; GET lists or shows with
 * the real state; GET {id}/log is the access log; DELETE {id} revokes.
 */
@Controller("/api/v1/shares")
public class ShareController {

    private final RequestAuthenticator authenticator;
    private final ShareService shares;
    private final WalletConfig config;
    private final Clock clock;
    private final WriteGate writeGate;

    public ShareController(RequestAuthenticator authenticator, ShareService shares, WalletConfig config, Clock clock,
            WriteGate writeGate) {
        this.authenticator = authenticator;
        this.shares = shares;
        this.config = config;
        this.clock = clock;
        this.writeGate = writeGate;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> create(HttpRequest<?> request, @Body byte[] body) {
        String account = authenticator.authenticate(request, body);
        JsonNode json = json(body);
        Integer maxViews = json.hasNonNull("maxViews") ? json.path("maxViews").asInt() : null;
        Share share = writeGate.write(() -> shares.create(account, json.path("tokenHash").asText(null),
                json.path("purpose").asText(null), json.path("expiresAt").asLong(0), maxViews));
        Map<String, Object> answer = describe(share);
        answer.put("nonce", share.nonce());
        answer.put("audience", shares.audience(share.id()));
        answer.put("linkBase", config.baseUrl() + "/s/");
        return HttpResponse.created(answer);
    }

    @Put(uri = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> upload(HttpRequest<?> request, @PathVariable String id, @Body byte[] body) {
        String account = authenticator.authenticate(request, body);
        JsonNode json = json(body);
        return describe(writeGate.write(() -> shares.upload(account, id, json.path("token").asText(null),
                json.path("presentation").asText(""))));
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list(HttpRequest<?> request) {
        String account = authenticator.authenticate(request, null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Share share : shares.list(account)) {
            out.add(describe(share));
        }
        return out;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> show(HttpRequest<?> request, @PathVariable String id) {
        return describe(shares.get(authenticator.authenticate(request, null), id));
    }

    @Get(uri = "/{id}/log", produces = MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> log(HttpRequest<?> request, @PathVariable String id) {
        String account = authenticator.authenticate(request, null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ShareView view : shares.log(account, id)) {
            Map<String, Object> each = new LinkedHashMap<>();
            each.put("at", view.viewedAt());
            each.put("kind", view.kind());
            each.put("browser", view.browser());
            out.add(each);
        }
        return out;
    }

    @Delete(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> revoke(HttpRequest<?> request, @PathVariable String id) {
        String account = authenticator.authenticate(request, null);
        return describe(writeGate.write(() -> shares.revoke(account, id)));
    }

    private Map<String, Object> describe(Share share) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", share.id());
        out.put("state", share.state(clock.instant().getEpochSecond()).name());
        out.put("purpose", share.purpose());
        out.put("createdAt", share.createdAt());
        out.put("expiresAt", share.expiresAt());
        out.put("maxViews", share.maxViews());
        out.put("views", share.views());
        out.put("revokedAt", share.revokedAt());
        return out;
    }

    private static JsonNode json(@Nullable byte[] body) {
        try {
            JsonNode node = StrictJson.parse(body == null ? new byte[0] : body);
            if (!node.isObject()) {
                throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST, "the body must be a JSON object");
            }
            return node;
        } catch (UntrustedInputException e) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST, "the body is not acceptable JSON");
        }
    }
}
