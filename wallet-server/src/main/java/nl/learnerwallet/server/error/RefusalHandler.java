package nl.learnerwallet.server.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.learnerwallet.server.account.AccountSuspendedException;
import nl.learnerwallet.server.account.RateLimitedException;
import nl.learnerwallet.server.account.UnknownAccountException;
import nl.learnerwallet.server.auth.AuthenticationException;
import nl.learnerwallet.server.backup.BackupConflictException;
import nl.learnerwallet.server.backup.BackupTooLargeException;
import nl.learnerwallet.server.backup.NoBackupException;
import nl.learnerwallet.server.backup.QuotaExceededException;
import nl.learnerwallet.server.backup.VersionNotNamedException;
import nl.learnerwallet.server.dossier.DecisionRefusal;
import nl.learnerwallet.server.share.ShareRefusal;

/**
 * Every refusal becomes its status with {@code {"error": CODE, "message": sentence}}: the one
 * place where domain errors meet HTTP. Never a stack trace.
 */
@Produces
@Singleton
public class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", refusal.code());
        body.put("message", refusal.getMessage());
        MutableHttpResponse<Map<String, Object>> response = HttpResponse.<Map<String, Object>>status(statusOf(refusal))
                .body(body).header("Cache-Control", "no-store");
        if (refusal instanceof AuthenticationException) {
            response.header("WWW-Authenticate", "LW-Signature");
        } else if (refusal instanceof RateLimitedException) {
            response.header("Retry-After", Long.toString(((RateLimitedException) refusal).retryAfterSeconds()));
        } else if (refusal instanceof BackupConflictException) {
            response.header("ETag", "\"" + ((BackupConflictException) refusal).currentVersion() + "\"");
        }
        return response;
    }

    static HttpStatus statusOf(Refusal refusal) {
        if (refusal instanceof AuthenticationException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (refusal instanceof AccountSuspendedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (refusal instanceof ShareRefusal) {
            ShareRefusal.Reason reason = ((ShareRefusal) refusal).reason();
            if (reason == ShareRefusal.Reason.UNKNOWN_SHARE) {
                return HttpStatus.NOT_FOUND;
            }
            if (reason == ShareRefusal.Reason.ALREADY_UPLOADED) {
                return HttpStatus.CONFLICT;
            }
            return reason == ShareRefusal.Reason.BAD_REQUEST ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (refusal instanceof DecisionRefusal) {
            DecisionRefusal.Reason reason = ((DecisionRefusal) refusal).reason();
            if (reason == DecisionRefusal.Reason.UNKNOWN_SHARE) {
                return HttpStatus.NOT_FOUND;
            }
            if (reason == DecisionRefusal.Reason.DECISION_EXISTS) {
                return HttpStatus.CONFLICT;
            }
            return reason == DecisionRefusal.Reason.DECISION_TOO_LARGE ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
                    : HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (refusal instanceof UnknownAccountException || refusal instanceof NoBackupException) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof RateLimitedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (refusal instanceof BackupConflictException) {
            return HttpStatus.PRECONDITION_FAILED;
        }
        if (refusal instanceof VersionNotNamedException) {
            return HttpStatus.PRECONDITION_REQUIRED;
        }
        if (refusal instanceof BackupTooLargeException) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (refusal instanceof QuotaExceededException) {
            return HttpStatus.INSUFFICIENT_STORAGE;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
