package nl.learnerwallet.server.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.Optional;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.server.dossier.DecisionRefusal;
import nl.learnerwallet.server.dossier.DecisionService;
import nl.learnerwallet.server.share.ShareService;

/**
 * {@code /s/{token}/decisions}: an exam committee posts its signed decision on the dossier (the
 * link is all it has; no account), and the learner's wallet reads them back. Public, so limited
 * like every lookup of a link; neither counts as a view. A link that is not live has no decisions.
 */
@Controller("/s")
public class DecisionController {

    private final ShareService shares;
    private final DecisionService decisions;
    private final PublicLookups lookups;

    DecisionController(ShareService shares, DecisionService decisions, PublicLookups lookups) {
        this.shares = shares;
        this.decisions = decisions;
        this.lookups = lookups;
    }

    /** Body: the compact decision VC-JWT. 201 {@code {id, number}}; refusals are {@code {error, message}}. */
    @Post(uri = "/{token}/decisions", consumes = {"application/jwt", MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> post(HttpRequest<?> request, @PathVariable String token, @Nullable @Body byte[] body) {
        if (lookups.tooManyFailures(request) || !lookups.tryDecisionPost(request)) {
            return tooMany();
        }
        // The size first: nothing of a larger body is parsed.
        if (body != null && body.length > DecisionService.MAX_DECISION_BYTES) {
            throw new DecisionRefusal(DecisionRefusal.Reason.DECISION_TOO_LARGE, "a decision is at most 64 KiB");
        }
        ShareService.Opened opened = live(request, token);
        DecisionService.Accepted accepted = decisions.accept(opened.share(), token, opened.presentation(), body);
        ObjectNode answer = StrictJson.mapper().createObjectNode();
        answer.put("id", accepted.id());
        answer.put("number", accepted.number());
        return HttpResponse.created(answer.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** {@code {"decisions": [{"number", "credential", "receivedAt"}]}}, in order. */
    @Get(uri = "/{token}/decisions", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list(HttpRequest<?> request, @PathVariable String token) {
        if (lookups.tooManyFailures(request)) {
            return tooMany();
        }
        ShareService.Opened opened = live(request, token);
        ObjectNode answer = StrictJson.mapper().createObjectNode();
        ArrayNode list = answer.putArray("decisions");
        for (DecisionService.Stored stored : decisions.stored(opened.share(), token)) {
            list.addObject().put("number", stored.number()).put("credential", stored.credential())
                    .put("receivedAt", stored.receivedAt().toString());
        }
        return HttpResponse.ok(answer.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private ShareService.Opened live(HttpRequest<?> request, String token) {
        Optional<ShareService.Opened> opened = shares.peek(token);
        if (opened.isEmpty()) {
            lookups.countFailure(request, token);
            throw new DecisionRefusal(DecisionRefusal.Reason.UNKNOWN_SHARE, "this link is not available");
        }
        return opened.get();
    }

    private HttpResponse<?> tooMany() {
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                Long.toString(lookups.retryAfterSeconds()));
    }
}
