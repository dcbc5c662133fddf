package nl.learnerwallet.server.auth;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import nl.learnerwallet.model.protocol.Ed25519Keys;
import nl.learnerwallet.model.protocol.SignedRequest;
import nl.learnerwallet.server.account.AccountRepository;
import nl.learnerwallet.server.account.AccountSuspendedException;
import nl.learnerwallet.server.config.AuthConfig;

/**
 * Checks that a request was signed by the account key it names, now, once: the time within the
 * allowed skew, the Ed25519 signature over method, path, body hash, time and nonce, and the nonce
 * recorded so that the same request sent again is refused. A suspended account's requests are
 * refused. Expired nonces are deleted by the retention job.
 */
@Singleton
public class RequestAuthenticator {

    private final UsedNonceRepository nonces;
    private final AccountRepository accounts;
    private final AuthConfig config;
    private final Clock clock;

    public RequestAuthenticator(UsedNonceRepository nonces, AccountRepository accounts, AuthConfig config, Clock clock) {
        this.nonces = nonces;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @return the public key of the account that signed the request
     * @throws AuthenticationException when the request is not signed, not now, not by that key, or replayed
     * @throws AccountSuspendedException when the operator suspended the account
     */
    @Transactional
    public String authenticate(HttpRequest<?> request, byte[] body) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new AuthenticationException(AuthenticationException.Reason.MISSING, "this request must be signed with the account key");
        }
        String path = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
        SignedRequest signed;
        try {
            signed = SignedRequest.parse(header, request.getMethodName(), path,
                    SignedRequest.sha256Hex(body == null ? new byte[0] : body));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException(AuthenticationException.Reason.MALFORMED, "the request signature is malformed");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - signed.created()) > config.maxClockSkewSeconds()) {
            throw new AuthenticationException(AuthenticationException.Reason.STALE,
                    "the request was signed too long ago or in the future; check the device's clock");
        }
        if (!Ed25519Keys.isPublicKey(signed.account()) || !Ed25519Keys.verify(signed.account(), signed.canonical(), signed.signature())) {
            throw new AuthenticationException(AuthenticationException.Reason.BAD_SIGNATURE, "the request signature does not verify");
        }
        try {
            // The primary key makes the check and the record one atomic step, across instances too. It
            // comes before any read: on SQLite a transaction that reads and then writes cannot take the
            // write lock while another device of the account writes, and its nonce came out "replayed".
            nonces.save(new UsedNonce(signed.nonce(), now + 2 * config.maxClockSkewSeconds()));
        } catch (DataAccessException e) {
            throw new AuthenticationException(AuthenticationException.Reason.REPLAYED, "this request was already received once");
        }
        if (accounts.existsByPublicKeyAndSuspendedAtIsNotNull(signed.account())) {
            throw new AccountSuspendedException();
        }
        return signed.account();
    }
}
