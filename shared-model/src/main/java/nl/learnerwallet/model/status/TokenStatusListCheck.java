package nl.learnerwallet.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Looks a token's IETF Token Status List reference up (draft-ietf-oauth-status-list): the
 * {@code status} claim {@code {"status_list": {"idx": N, "uri": "…"}}}. The list is fetched from
 * {@code uri} as {@code application/statuslist+jwt}; it must be a JWT of type {@code statuslist+jwt}
 * whose {@code sub} is that uri, whose {@code iss} (when present) is the token's issuer, that is
 * signed by one of that issuer's keys and whose {@code exp} (when present) has not passed. The
 * status at {@code idx} then decides: VALID passes, INVALID fails as REVOKED, SUSPENDED fails as
 * SUSPENDED, and any other value passes with the value in the detail. Anything that keeps the list
 * from being read is inconclusive. Thread-safe.
 */
public final class TokenStatusListCheck {

    /** What the list is fetched as; without {@code application/} it is the token's {@code typ}. */
    public static final String MEDIA_TYPE = "application/statuslist+jwt";
    private static final String TYPE = "statuslist+jwt";
    /** Far above any list the fetcher lets through (2 MiB by default). */
    private static final int MAX_TOKEN_LENGTH = 8 * 1024 * 1024;
    /** The last second of year 9999, the largest NumericDate an Instant can hold for us. */
    private static final double MAX_NUMERIC_DATE = 253402300799d;

    private final GuardedFetcher fetcher;
    private final IssuerKeyResolver keys;

    /** @param keys the resolvers the credential's own signature is checked with */
    public TokenStatusListCheck(GuardedFetcher fetcher, IssuerKeyResolver keys) {
        this.fetcher = fetcher;
        this.keys = keys;
    }

    /** Whether this is a Token Status List reference: a {@code status} claim with a {@code status_list} object. */
    public static boolean handles(JsonNode status) {
        return status != null && status.path("status_list").isObject();
    }

    /**
     * Never throws for a bad reference or list: every problem is an inconclusive result.
     *
     * @param status the token's {@code status} claim
     * @param issuerId the token's issuer, who must have signed the list
     * @param clock the verification's time, against which the list's {@code exp} is checked
     */
    public CheckResult check(JsonNode status, String issuerId, Clock clock) {
        JsonNode reference = status.path("status_list");
        JsonNode idx = reference.path("idx");
        JsonNode uri = reference.path("uri");
        if (!idx.isIntegralNumber() || !idx.canConvertToLong() || idx.longValue() < 0 || !uri.isTextual()) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID,
                    "the status reference has no usable idx and uri");
        }
        CompactJws token;
        try {
            byte[] body = fetcher.fetch(uri.asText(), false, MEDIA_TYPE).body();
            token = CompactJws.parse(new String(body, StandardCharsets.UTF_8).trim(), MAX_TOKEN_LENGTH);
        } catch (FetchException e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                    "the status list could not be fetched (" + e.problem() + ")");
        } catch (CredentialFormatException e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID, "the status list is not a JWT");
        }
        String problem = problem(token, uri.asText(), issuerId, clock);
        if (problem != null) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID, problem);
        }
        int value;
        try {
            value = TokenStatusList.decode(token.payload().path("status_list")).statusOf(idx.longValue());
        } catch (InvalidStatusListException e) {
            return CheckResult.inconclusive(CheckId.STATUS, e.reason(), e.getMessage());
        }
        switch (value) {
            case TokenStatusList.VALID:
                return CheckResult.passed(CheckId.STATUS, Reason.OK, "valid in the issuer's status list");
            case TokenStatusList.INVALID:
                return CheckResult.failed(CheckId.STATUS, Reason.REVOKED, "revoked in the issuer's status list");
            case TokenStatusList.SUSPENDED:
                return CheckResult.failed(CheckId.STATUS, Reason.SUSPENDED, "suspended in the issuer's status list");
            default:
                // 0x03 and up are for applications to define: nothing this wallet can act on.
                return CheckResult.passed(CheckId.STATUS, Reason.OK, "status value " + value);
        }
    }

    /** Why the token is not the issuer's current list at {@code uri}, or null when it is. */
    private String problem(CompactJws token, String uri, String issuerId, Clock clock) {
        if (!token.hasType(TYPE)) {
            return "the document is not a status list token";
        }
        JsonNode payload = token.payload();
        JsonNode sub = payload.path("sub");
        if (!sub.isTextual() || !sub.asText().equals(uri)) {
            return "the status list token is for another list";
        }
        JsonNode iss = payload.get("iss");
        if (iss != null && !(iss.isTextual() && iss.asText().equals(issuerId))) {
            return "the status list is issued by someone else";
        }
        JsonNode exp = payload.get("exp");
        if (exp != null) {
            // NumericDate (RFC 7519 §2); the list may be used only before it (RFC 7519 §4.1.4).
            if (!exp.isNumber() || !exp.canConvertToLong() || Math.abs(exp.asDouble()) > MAX_NUMERIC_DATE) {
                return "the status list's exp is not a NumericDate";
            }
            if (!clock.instant().isBefore(Instant.ofEpochSecond(exp.asLong()))) {
                return "the status list has expired";
            }
        }
        if (!IssuerSignature.signedBy(keys, issuerId, token.token())) {
            return "the status list is not signed by the credential's issuer";
        }
        return null;
    }
}
