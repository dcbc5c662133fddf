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
import nl.learnerwallet.server.config.WalletConfig;
import nl.learnerwallet.server.db.WriteGate;
import nl.learnerwallet.server.ratelimit.ClientAddress;

/** {@code /api/v1/account}: register (POST), look up (GET) and delete (DELETE) the signing account. */
@Controller("/api/v1/account")
public class AccountController {

    private final RequestAuthenticator authenticator;
    private final AccountService accounts;
    private final WalletConfig config;
    private final WriteGate writeGate;

    public AccountController(RequestAuthenticator authenticator, AccountService accounts, WalletConfig config,
            WriteGate writeGate) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.config = config;
        this.writeGate = writeGate;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> register(HttpRequest<?> request, @Nullable @Body byte[] body) {
        String key = authenticator.authenticate(request, body);
        String client = ClientAddress.of(request, config.proxies());
        boolean created = writeGate.write(() -> accounts.register(key, client));
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
        writeGate.write(() -> {
            accounts.delete(key);
            return null;
        });
        return Map.of("account", key, "deleted", true);
    }
}
