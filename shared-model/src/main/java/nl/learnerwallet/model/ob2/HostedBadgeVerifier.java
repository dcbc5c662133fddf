package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Verifies an OB 2.0 hosted assertion (OB 2.0 §"Hosted verification"): the copy at the assertion's
 * {@code id} on the issuer's server is authoritative — a local copy that differs is replaced by it —
 * and that id must lie within the issuer's verification scope (the profile's
 * {@code verification.startsWith} or {@code allowedOrigins}, else the origin of the issuer's id).
 * HTTP 410 or {@code revoked: true} is REVOKED; 404 means the issuer no longer publishes the badge
 * (edubadges answers 404 for private and deleted badges), which leaves it UNVERIFIABLE.
 * The {@code signature} check records whether the hosted copy was obtained, and
 * {@code issuer-key} whether it is within the issuer's scope. Thread-safe.
 */
public final class HostedBadgeVerifier {

    private final GuardedFetcher fetcher;

    /** @param fetcher null to verify offline: only what the local copy says can be checked */
    public HostedBadgeVerifier(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @param encoded the assertion JSON, or only the URL of a hosted assertion. Never throws for bad input. */
    public Ob2Verification verify(String encoded, VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        JsonNode local = null;
        String url;
        if (isUrl(encoded)) {
            url = encoded.trim();
        } else {
            try {
                local = StrictJson.parse(encoded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (UntrustedInputException e) {
                checks.add(CheckResult.failed(CheckId.FORMAT, Reason.BAD_JSON, e.getMessage()));
                return Ob2Verification.of(context, checks, null);
            }
            CheckResult problem = Ob2Checks.formatProblem(local);
            if (problem != null) {
                checks.add(problem);
                return Ob2Verification.of(context, checks, null);
            }
            url = local.path("id").asText("");
            if (!isUrl(url)) {
                checks.add(CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL,
                        "a hosted assertion's id is the URL it is hosted at"));
                return Ob2Verification.of(context, checks, null);
            }
        }
        if (fetcher == null) {
            return unchecked(local, checks, context, Reason.NOT_CHECKED_OFFLINE, "verified offline");
        }
        IssuerDocuments documents = new IssuerDocuments(fetcher);
        JsonNode hosted;
        try {
            hosted = documents.fetch(url);
        } catch (IssuerDocuments.Unavailable e) {
            if (e.httpStatus == 410) {
                checks.add(CheckResult.passed(CheckId.FORMAT));
                checks.add(CheckResult.passed(CheckId.SIGNATURE, Reason.OK, "the issuer answered 410 Gone"));
                checks.add(CheckResult.failed(CheckId.STATUS, Reason.REVOKED, "the issuer answered 410 Gone"));
                return Ob2Verification.of(context, checks, local == null ? null : Ob2Documents.embedded(local));
            }
            return unchecked(local, checks, context, e.reason, e.getMessage());
        }
        if (!url.equals(hosted.path("id").asText(null))) {
            checks.add(CheckResult.passed(CheckId.FORMAT));
            checks.add(CheckResult.failed(CheckId.ISSUER_KEY, Reason.HOSTED_ID_MISMATCH,
                    "the hosted assertion names another id than its URL"));
            return Ob2Verification.of(context, checks, local == null ? null : Ob2Documents.embedded(local));
        }
        if (hosted.path("revoked").asBoolean(false)) {
            checks.add(CheckResult.passed(CheckId.FORMAT));
            checks.add(CheckResult.passed(CheckId.SIGNATURE, Reason.OK, "the issuer's hosted copy says it is revoked"));
            checks.add(CheckResult.failed(CheckId.STATUS, Reason.REVOKED, hosted.path("revocationReason").asText(null)));
            return Ob2Verification.of(context, checks, local == null ? null : Ob2Documents.embedded(local));
        }
        CheckResult problem = Ob2Checks.formatProblem(hosted);
        if (problem != null) {
            checks.add(problem);
            return Ob2Verification.of(context, checks, null);
        }
        checks.add(CheckResult.passed(CheckId.FORMAT));
        JsonNode badge;
        JsonNode issuer;
        try {
            badge = documents.resolve(hosted.path("badge"));
            issuer = documents.resolve(badge.path("issuer"));
        } catch (IssuerDocuments.Unavailable e) {
            Ob2Documents known = Ob2Documents.embedded(hosted);
            checks.add(CheckResult.passed(CheckId.SIGNATURE, Reason.OK, "the issuer's hosted copy was fetched"));
            if (e.reason == Reason.HOSTED_ID_MISMATCH) {
                checks.add(CheckResult.failed(CheckId.ISSUER_KEY, e.reason, e.getMessage()));
            } else {
                checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, e.reason,
                        "the badge class or issuer profile could not be fetched: " + e.getMessage()));
            }
            checks.addAll(Ob2Checks.contentChecks(known, context));
            checks.add(CheckResult.passed(CheckId.STATUS, Reason.OK, "the issuer still hosts it"));
            return Ob2Verification.of(context, checks, known);
        }
        Ob2Documents fetched = new Ob2Documents(hosted, badge, issuer);
        if (local != null && !local.equals(hosted)) {
            checks.add(CheckResult.passed(CheckId.SIGNATURE, Reason.HOSTED_COPY_DIFFERS,
                    "the imported copy differs from the issuer's; the issuer's copy is used"));
        } else {
            checks.add(CheckResult.passed(CheckId.SIGNATURE, Reason.OK, "the issuer's hosted copy was fetched"));
        }
        checks.add(scope(url, issuer));
        checks.addAll(Ob2Checks.contentChecks(fetched, context));
        checks.add(CheckResult.passed(CheckId.STATUS, Reason.OK, "the issuer still hosts it"));
        return Ob2Verification.of(context, checks, fetched);
    }

    /** The hosted copy could not be had: what the local copy says, with the issuer's side inconclusive. */
    private static Ob2Verification unchecked(JsonNode local, List<CheckResult> checks, VerificationContext context,
            Reason reason, String detail) {
        checks.add(CheckResult.passed(CheckId.FORMAT));
        checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, reason, detail));
        if (local == null) {
            return Ob2Verification.of(context, checks, null);
        }
        Ob2Documents known = Ob2Documents.embedded(local);
        checks.addAll(Ob2Checks.contentChecks(known, context));
        checks.add(CheckResult.inconclusive(CheckId.STATUS, reason, "the revocation status could not be checked"));
        return Ob2Verification.of(context, checks, known);
    }

    /** OB 2.0 VerificationObject on the issuer profile; by default the issuer id's origin. */
    static CheckResult scope(String assertionId, JsonNode issuer) {
        JsonNode verification = issuer.path("verification");
        List<String> prefixes = texts(verification.path("startsWith"));
        List<String> origins = texts(verification.path("allowedOrigins"));
        String host = host(assertionId);
        // allowedOrigins are host names (OB 2.0); a port, where given, must match too.
        String hostName = host == null ? null : (host.indexOf(':') > 0 ? host.substring(0, host.indexOf(':')) : host);
        boolean inScope;
        if (!prefixes.isEmpty()) {
            inScope = false;
            for (String prefix : prefixes) {
                inScope |= assertionId.startsWith(prefix);
            }
            if (!origins.isEmpty()) {
                inScope &= origins.contains(host) || origins.contains(hostName);
            }
        } else if (!origins.isEmpty()) {
            inScope = origins.contains(host) || origins.contains(hostName);
        } else {
            String issuerHost = host(issuer.path("id").asText(""));
            inScope = host != null && host.equals(issuerHost);
        }
        return inScope ? CheckResult.passed(CheckId.ISSUER_KEY, Reason.OK, "hosted within the issuer's scope")
                : CheckResult.failed(CheckId.ISSUER_KEY, Reason.HOSTED_ID_OUTSIDE_SCOPE,
                        "the assertion is hosted outside the issuer's verification scope");
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode each : node) {
                if (each.isTextual()) {
                    out.add(each.asText());
                }
            }
        }
        return out;
    }

    /** host[:port] of a URL, lower-cased; null when it has none. */
    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return null;
            }
            return uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isUrl(String text) {
        String trimmed = text.trim();
        return (trimmed.startsWith("https://") || trimmed.startsWith("http://")) && trimmed.indexOf(' ') < 0
                && trimmed.indexOf('\n') < 0;
    }
}
