package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.IssuerTrustCheck;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientCheck;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.ValidityCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Verifies an OB 3.0 / W3C VC secured as a JWT. The signing key comes only from the issuer
 * (its DID document): a {@code kid} or {@code jwk} in the header is used only when it is one of
 * the issuer's own keys, {@code jku}/{@code x5u} are never fetched, algorithms are allow-listed
 * per key type, and a {@code crit} header is refused since we understand no extension. Thread-safe.
 */
public final class VcJwtVerifier {

    private static final Set<String> ALLOWED_ALGORITHMS = new HashSet<>(Arrays.asList(
            "ES256", "ES384", "EdDSA", "Ed25519", "RS256", "PS256"));

    private final IssuerKeyResolver keys;
    private final StatusCheck statusCheck;

    public VcJwtVerifier(IssuerKeyResolver keys) {
        this(keys, new StatusCheck());
    }

    /** @param statusCheck how {@code credentialStatus} is checked (with or without fetching status lists) */
    public VcJwtVerifier(IssuerKeyResolver keys, StatusCheck statusCheck) {
        this.keys = keys;
        this.statusCheck = statusCheck;
    }

    /** The outcome of verifying one token: the report, and the parsed token when it was readable. */
    public record Result(VerificationReport report, VcJwt credential) {
    }

    /** Never throws for a bad token: every problem is a check in the report. */
    public Result verify(String token, VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        VcJwt jwt;
        try {
            jwt = VcJwt.parse(token);
        } catch (CredentialFormatException e) {
            CheckId check = e.reason() == Reason.ISSUER_MISMATCH ? CheckId.ISSUER_KEY : CheckId.FORMAT;
            checks.add(CheckResult.failed(check, e.reason(), e.getMessage()));
            return new Result(VerificationReport.of(context.clock().instant(), checks), null);
        }
        checks.add(CheckResult.passed(CheckId.FORMAT));

        CheckResult headerProblem = headerProblem(jwt.header());
        if (headerProblem != null) {
            checks.add(headerProblem);
            return new Result(VerificationReport.of(context.clock().instant(), checks), jwt);
        }
        JWSHeader header;
        try {
            header = JWSHeader.parse(new Base64URL(jwt.headerPart()));
        } catch (ParseException e) {
            checks.set(0, CheckResult.failed(CheckId.FORMAT, Reason.BAD_JSON, "the JWT header is not a JWS header"));
            return new Result(VerificationReport.of(context.clock().instant(), checks), jwt);
        }

        if (checkIssuerSignature(keys, jwt.issuerId(), header, jwt.signingInput(), jwt.signature(), checks)
                != SignatureOutcome.FAILED) {
            addContentChecks(jwt, context, checks);
        }
        return new Result(VerificationReport.of(context.clock().instant(), checks), jwt);
    }

    /** How checking an issuer's signature ended; the checks themselves are added to the report's list. */
    public enum SignatureOutcome {
        /** Signed by one of the issuer's keys, with an algorithm allowed for it. */
        VERIFIED,
        /** The issuer's keys could not be had (method not supported, issuer unreachable): inconclusive. */
        KEY_UNAVAILABLE,
        /** A wrong key, algorithm or signature: verification stops here. */
        FAILED
    }

    /**
     * The issuer-key and signature checks of an issuer-signed JWS, shared by VC-JWTs and SD-JWT VCs:
     * the key only from the issuer's own keys, its algorithm allow-listed, the signature verified.
     * Adds the {@code issuer-key} and {@code signature} checks to {@code checks}.
     */
    public static SignatureOutcome checkIssuerSignature(IssuerKeyResolver keys, String issuerId, JWSHeader header,
            byte[] signingInput, Base64URL signature, List<CheckResult> checks) {
        IssuerKey key;
        try {
            key = selectKey(keys, issuerId, header);
        } catch (IssuerKeyException e) {
            if (e.reason() == Reason.UNSUPPORTED_ISSUER_METHOD || e.reason() == Reason.ISSUER_UNREACHABLE
                    || e.reason() == Reason.FETCH_REFUSED) {
                checks.add(CheckResult.inconclusive(CheckId.ISSUER_KEY, e.reason(), e.getMessage()));
                checks.add(CheckResult.inconclusive(CheckId.SIGNATURE, e.reason(), "no key to check the signature with"));
                return SignatureOutcome.KEY_UNAVAILABLE;
            }
            checks.add(CheckResult.failed(CheckId.ISSUER_KEY, e.reason(), e.getMessage()));
            return SignatureOutcome.FAILED;
        }
        checks.add(CheckResult.passed(CheckId.ISSUER_KEY, Reason.OK, key.keyId()));
        if (!key.allows(header.getAlgorithm())) {
            checks.add(CheckResult.failed(CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED,
                    header.getAlgorithm() + " is not allowed for this issuer's key"));
            return SignatureOutcome.FAILED;
        }
        if (!key.verify(header, signingInput, signature)) {
            checks.add(CheckResult.failed(CheckId.SIGNATURE, Reason.BAD_SIGNATURE,
                    "the signature does not match the issuer's key"));
            return SignatureOutcome.FAILED;
        }
        checks.add(CheckResult.passed(CheckId.SIGNATURE));
        return SignatureOutcome.VERIFIED;
    }

    private void addContentChecks(VcJwt jwt, VerificationContext context, List<CheckResult> checks) {
        checks.add(new IssuerTrustCheck(context.trustList()).check(jwt.issuerId()));
        checks.add(new RecipientCheck(context.identities()).check(jwt.credential().get("credentialSubject")));
        checks.add(new ValidityCheck(context.clock()).check(jwt.validFrom(), jwt.validUntil()));
        checks.add(statusCheck.check(statusOf(jwt), jwt.issuerId(), context.clock()));
    }

    /**
     * The credential's status entry: the VC {@code credentialStatus}, else the IETF Token Status
     * List {@code status} claim of the JWT (what the edubadges OB 3.0 agent adds), so that a
     * published status is never passed over as "none published".
     */
    private static JsonNode statusOf(VcJwt jwt) {
        JsonNode credentialStatus = jwt.credential().get("credentialStatus");
        if (credentialStatus != null && !credentialStatus.isNull()) {
            return credentialStatus;
        }
        return jwt.payload().get("status");
    }

    /** Header fields that make the token unacceptable before any key is looked at. */
    public static CheckResult headerProblem(JsonNode header) {
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !ALLOWED_ALGORITHMS.contains(alg.asText())) {
            return CheckResult.failed(CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED,
                    "the token's algorithm is not allowed");
        }
        if (header.has("crit")) {
            return CheckResult.failed(CheckId.SIGNATURE, Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "the token requires header extensions this wallet does not implement");
        }
        if (header.has("b64")) {
            return CheckResult.failed(CheckId.SIGNATURE, Reason.UNSUPPORTED_CRITICAL_HEADER,
                    "unencoded payloads are not accepted");
        }
        if (header.has("jku") || header.has("x5u")) {
            return CheckResult.failed(CheckId.ISSUER_KEY, Reason.KEY_URL_NOT_ALLOWED,
                    "keys are never fetched from a URL in the token");
        }
        if (header.has("x5c") || header.has("x5t") || header.has("x5t#S256")) {
            return CheckResult.failed(CheckId.ISSUER_KEY, Reason.HEADER_KEY_NOT_ISSUERS,
                    "a certificate chain in the token is not anchored to the issuer");
        }
        JsonNode kid = header.get("kid");
        if (kid != null && (!kid.isTextual() || kid.asText().length() > 2048)) {
            return CheckResult.failed(CheckId.ISSUER_KEY, Reason.KID_NOT_ISSUERS, "the kid is not one of the issuer's keys");
        }
        return null;
    }

    /**
     * The signer's key for this header: only one of the signer's own keys, matched by {@code kid}
     * or {@code jwk} when the header names one. Shared with the holder-signed JWT verifier.
     */
    public static IssuerKey selectKey(IssuerKeyResolver keys, String issuerId, JWSHeader header) {
        if (!keys.supports(issuerId)) {
            throw new IssuerKeyException(Reason.UNSUPPORTED_ISSUER_METHOD,
                    "keys of issuers like " + abbreviate(issuerId) + " cannot be looked up yet");
        }
        List<IssuerKey> issuerKeys = keys.keysOf(issuerId);
        List<IssuerKey> candidates = new ArrayList<>(issuerKeys);
        String kid = header.getKeyID();
        if (kid != null) {
            candidates = matchingKid(issuerKeys, kid);
            if (candidates.isEmpty()) {
                throw new IssuerKeyException(Reason.KID_NOT_ISSUERS, "the kid is not one of the issuer's keys");
            }
        }
        JWK headerKey = header.getJWK();
        if (headerKey != null) {
            List<IssuerKey> matching = new ArrayList<>();
            String thumbprint = thumbprint(headerKey);
            for (IssuerKey candidate : candidates) {
                if (candidate.thumbprint().equals(thumbprint)) {
                    matching.add(candidate);
                }
            }
            if (matching.isEmpty()) {
                throw new IssuerKeyException(Reason.HEADER_KEY_NOT_ISSUERS, "the key in the header is not the issuer's");
            }
            candidates = matching;
        }
        JWSAlgorithm algorithm = header.getAlgorithm();
        for (IssuerKey candidate : candidates) {
            if (candidate.allows(algorithm)) {
                return candidate;
            }
        }
        // No key of the issuer allows this algorithm: report it on the first candidate.
        return candidates.get(0);
    }

    private static List<IssuerKey> matchingKid(List<IssuerKey> issuerKeys, String kid) {
        List<IssuerKey> out = new ArrayList<>();
        for (IssuerKey key : issuerKeys) {
            int hash = key.keyId().indexOf('#');
            String fragment = hash < 0 ? null : key.keyId().substring(hash);
            if (key.keyId().equals(kid) || (fragment != null && (fragment.equals(kid) || fragment.substring(1).equals(kid)))) {
                out.add(key);
            }
        }
        return out.isEmpty() ? Collections.<IssuerKey>emptyList() : out;
    }

    private static String thumbprint(JWK key) {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException | RuntimeException e) {
            return "";
        }
    }

    private static String abbreviate(String issuerId) {
        int colon = issuerId.indexOf(':', 4);
        return issuerId.startsWith("did:") && colon > 0 ? issuerId.substring(0, colon) : "this one";
    }
}
