package nl.learnerwallet.server.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import nl.learnerwallet.server.auth.RequestAuthenticator;

/** {@code /api/v1/account}: register (POST), look up (GET) and delete (DELETE) the signing account. */
@Controller("/api/v1/account")
public class AccountController {

    private final RequestAuthenticator authenticator;
    private final AccountService accounts;

    public AccountController(RequestAuthenticator authenticator, AccountService accounts) {
        this.authenticator = authenticator;
        this.accounts = accounts;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> register(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String key = authenticator.authenticate(request, body);
        boolean created = accounts.register(key, request.getRemoteAddress().getAddress().getHostAddress());
        Map<String, Object> answer = Map.of("account", key, "created", created);
        return created ? HttpResponse.created(answer) : HttpResponse.ok(answer);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> show(HttpRequest<?> request) {
        String key = authenticator.authenticate(request, null);
        Account account = accounts.require(key);
        return Map.of("account", account.publicKey(), "createdAt", account.createdAt());
    }

    @Delete(produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> delete(HttpRequest<?> request) {
        String key = authenticator.authenticate(request, null);
        accounts.delete(key);
        return Map.of("account", key, "deleted", true);
    }
}
