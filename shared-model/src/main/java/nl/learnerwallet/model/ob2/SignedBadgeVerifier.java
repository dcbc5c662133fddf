package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.Base64UrlText;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Verifies an OB 2.0 signed assertion (OB 2.0 §"Signed verification"): a JWS whose payload is the
 * assertion. The key comes only from the issuer profile's {@code publicKey} (embedded
 * CryptographicKey objects, or their URLs, whose {@code owner} must be the issuer); the
 * assertion's {@code verification.creator}, when given, must be one of those keys. Never a key from
 * the token itself. Revocation comes from the profile's {@code revocationList}. Thread-safe.
 */
public final class SignedBadgeVerifier {

    private static final Set<String> ALLOWED_ALGORITHMS = new HashSet<>(Arrays.asList("RS256", "ES256", "ES384", "EdDSA", "PS256"));
    private static final int MAX_KEYS = 16;

    private final GuardedFetcher fetcher;

    /** @param fetcher null to verify offline: the signature cannot be checked then */
    public SignedBadgeVerifier(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The assertion carried by a signed badge; null when the token is not readable as one. */
    public static JsonNode payload(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || !Base64UrlText.isStrict(parts[0]) || !Base64UrlText.isStrict(parts[1])) {
            return null;
        }
        try {
            JsonNode node = StrictJson.parse(Base64.getUrlDecoder().decode(parts[1]));
            return node.isObject() ? node : null;
        } catch (UntrustedInputException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Never throws for a bad token. */
    public Ob2Verification verify(String token, VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        JsonNode header = header(token);
        JsonNode assertion = payload(token);
        if (header == null || assertion == null) {
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_JWT, "not a signed Open Badge"));
            return Ob2Verification.of(context, checks, null);
        }
        CheckResult problem = Ob2Checks.formatProblem(assertion);
        if (problem != null) {
            checks.add(problem);
            return Ob2Verification.of(context, checks, null);
        }
        checks.add(CheckResult.passed(CheckId.FORMAT));
        if (!ALLOWED_ALGORITHMS.contains(header.path("alg").asText(""))) {
            checks.add(CheckResult.failed(CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED, "the algorithm is not allowed"));
            return Ob2Verification.of(context, checks, Ob2Documents.embedded(assertion));
        }
        if (header.has("jku") || header.has("x5u")) {
            checks.add(CheckResult.failed(CheckId.ISSUER_KEY, Reason.KEY_URL_NOT_ALLOWED, "keys are never fetched from the token"));
            return Ob2Verification.of(context, checks, Ob2Documents.embedded(assertion));
        }
        if (fetcher == null) {
            Ob2Documents known = Ob2Documents.embedded(assertion);
            checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, Reason.NOT_CHECKED_OFFLINE, "verified offline"));
            checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, Reason.NOT_CHECKED_OFFLINE, "verified offline"));
            checks.addAll(Ob2Checks.contentChecks(known, context));
            checks.add(CheckResult.inconclusive(CheckId.STATUS, Reason.NOT_CHECKED_OFFLINE, "verified offline"));
            return Ob2Verification.of(context, checks, known);
        }
        IssuerDocuments documents = new IssuerDocuments(fetcher);
        JsonNode badge;
        JsonNode issuer;
        try {
            badge = documents.resolve(assertion.path("badge"));
            issuer = documents.resolve(badge.path("issuer"));
        } catch (IssuerDocuments.Unavailable e) {
            Ob2Documents known = Ob2Documents.embedded(assertion);
            checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, e.reason, e.getMessage()));
            checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, e.reason, "no issuer key to check the signature with"));
            checks.addAll(Ob2Checks.contentChecks(known, context));
            checks.add(CheckResult.inconclusive(CheckId.STATUS, e.reason, "the revocation list could not be checked"));
            return Ob2Verification.of(context, checks, known);
        }
        Ob2Documents known = new Ob2Documents(assertion, badge, issuer);
        String issuerId = issuer.path("id").asText(null);
        List<IssuerKey> keys;
        try {
            keys = keys(documents, issuer, issuerId);
        } catch (IssuerDocuments.Unavailable e) {
            checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, e.reason, e.getMessage()));
            checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, e.reason, "no issuer key to check the signature with"));
            checks.addAll(Ob2Checks.contentChecks(known, context));
            checks.add(CheckResult.inconclusive(CheckId.STATUS, e.reason, "the revocation list could not be checked"));
            return Ob2Verification.of(context, checks, known);
        }
        if (keys.isEmpty()) {
            checks.add(CheckResult.failed(CheckId.ISSUER_KEY, Reason.ISSUER_KEY_UNRESOLVABLE,
                    "the issuer profile publishes no usable key"));
            return Ob2Verification.of(context, checks, known);
        }
        String creator = assertion.path("verification").path("creator").asText(null);
        if (creator != null) {
            List<IssuerKey> named = new ArrayList<>();
            for (IssuerKey key : keys) {
                if (key.keyId().equals(creator)) {
                    named.add(key);
                }
            }
            if (named.isEmpty()) {
                checks.add(CheckResult.failed(CheckId.ISSUER_KEY, Reason.KID_NOT_ISSUERS,
                        "the signing key named by the assertion is not one of the issuer's keys"));
                return Ob2Verification.of(context, checks, known);
            }
            keys = named;
        }
        IssuerKey signer = null;
        for (IssuerKey key : keys) {
            if (key.verifiesCompact(token.trim())) {
                signer = key;
                break;
            }
        }
        checks.add(CheckResult.passed(CheckId.ISSUER_KEY, Reason.OK, keys.get(0).keyId()));
        if (signer == null) {
            checks.add(CheckResult.failed(CheckId.SIGNATURE, Reason.BAD_SIGNATURE, "the signature does not match the issuer's key"));
            return Ob2Verification.of(context, checks, known);
        }
        checks.add(CheckResult.passed(CheckId.SIGNATURE));
        checks.addAll(Ob2Checks.contentChecks(known, context));
        checks.add(revocation(documents, issuer, assertion.path("id").asText(null)));
        return Ob2Verification.of(context, checks, known);
    }

    private static List<IssuerKey> keys(IssuerDocuments documents, JsonNode issuer, String issuerId)
            throws IssuerDocuments.Unavailable {
        List<IssuerKey> out = new ArrayList<>();
        if (issuerId == null) {
            return out;
        }
        JsonNode published = issuer.path("publicKey");
        List<JsonNode> entries = new ArrayList<>();
        if (published.isArray()) {
            published.forEach(entries::add);
        } else if (!published.isMissingNode()) {
            entries.add(published);
        }
        for (JsonNode entry : entries) {
            if (out.size() >= MAX_KEYS) {
                break;
            }
            JsonNode key = entry.isTextual() ? documents.fetch(entry.asText()) : entry;
            String id = key.path("id").asText(entry.isTextual() ? entry.asText() : null);
            String owner = key.path("owner").asText(null);
            String pem = key.path("publicKeyPem").asText(null);
            if (id == null || pem == null || (owner != null && !owner.equals(issuerId))
                    || (entry.isTextual() && !id.equals(entry.asText()))) {
                continue;
            }
            try {
                out.add(IssuerKey.fromPem(issuerId, id, pem));
            } catch (IssuerKeyException e) {
                // An unusable key is skipped; with none left the issuer-key check fails.
            }
        }
        return out;
    }

    /** OB 2.0 RevocationList: {@code revokedAssertions} lists ids, or objects with {@code id}/{@code uid}. */
    private static CheckResult revocation(IssuerDocuments documents, JsonNode issuer, String assertionId) {
        JsonNode listUrl = issuer.path("revocationList");
        if (!listUrl.isTextual()) {
            return CheckResult.passed(CheckId.STATUS, Reason.NO_STATUS_PUBLISHED, null);
        }
        JsonNode list;
        try {
            list = documents.fetch(listUrl.asText());
        } catch (IssuerDocuments.Unavailable e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                    "the revocation list could not be fetched: " + e.getMessage());
        }
        for (JsonNode revoked : list.path("revokedAssertions")) {
            String id = revoked.isTextual() ? revoked.asText() : revoked.path("id").asText(revoked.path("uid").asText(null));
            if (id != null && id.equals(assertionId)) {
                return CheckResult.failed(CheckId.STATUS, Reason.REVOKED, revoked.path("revocationReason").asText(null));
            }
        }
        return CheckResult.passed(CheckId.STATUS, Reason.OK, "not on the issuer's revocation list");
    }

    private static JsonNode header(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || !Base64UrlText.isStrict(parts[0])) {
            return null;
        }
        try {
            JsonNode node = StrictJson.parse(Base64.getUrlDecoder().decode(parts[0]));
            return node.isObject() ? node : null;
        } catch (UntrustedInputException | IllegalArgumentException e) {
            return null;
        }
    }
}
