package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.IssuerTrustCheck;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.ValidityCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Verifies an SD-JWT VC: format and disclosures ({@link SdJwtVc}), the issuer's key and signature
 * (the same key rules as VC-JWTs: did:jwk, did:key, did:web, JWT VC issuer metadata — whatever the
 * resolver given handles), issuer trust, the holder it is bound to, validity, status, and the
 * key binding as the {@link KeyBindingRule} asks. Never throws for bad input. Thread-safe.
 */
public final class SdJwtVcVerifier {

    /** A key binding made later than this ahead of our clock is not believed. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int MAX_KEY_BINDING_LENGTH = 16 * 1024;

    private static final int MAX_CACHED_HOLDER_KEYS = 1024;
    private static final nl.learnerwallet.model.jose.DidJwkResolver DID_JWK = new nl.learnerwallet.model.jose.DidJwkResolver();

    private final IssuerKeyResolver keys;
    private final StatusCheck statusCheck;
    private final java.util.concurrent.ConcurrentHashMap<String, IssuerKey> holderKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    public SdJwtVcVerifier(IssuerKeyResolver keys, StatusCheck statusCheck) {
        this.keys = keys;
        this.statusCheck = statusCheck;
    }

    /** The report, the credential when it could be read, and what its key binding said. */
    public record Result(VerificationReport report, SdJwtVc credential, KeyBinding keyBinding) {
    }

    /** A key binding that held: for whom and when it was made. */
    public record KeyBinding(String audience, String nonce, Instant issuedAt) {
    }

    public Result verify(String compact, VerificationContext context, KeyBindingRule rule) {
        Instant now = context.clock().instant();
        List<CheckResult> checks = new ArrayList<>();
        SdJwtVc credential;
        try {
            credential = SdJwtVc.parse(compact);
        } catch (CredentialFormatException e) {
            checks.add(CheckResult.failed(CheckId.FORMAT, e.reason(), e.getMessage()));
            return new Result(VerificationReport.of(now, checks), null, null);
        }
        if (rule.mode() == KeyBindingRule.Mode.FORBIDDEN && credential.compact().hasKeyBinding()) {
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.KEY_BINDING_NOT_EXPECTED,
                    "this is a presentation made for someone, not the credential as issued"));
            return new Result(VerificationReport.of(now, checks), credential, null);
        }
        checks.add(CheckResult.passed(CheckId.FORMAT));
        CheckResult headerProblem = VcJwtVerifier.headerProblem(credential.issuerJwt().header());
        if (headerProblem != null) {
            checks.add(headerProblem);
            return new Result(VerificationReport.of(now, checks), credential, null);
        }
        if (!signature(credential, checks)) {
            return new Result(VerificationReport.of(now, checks), credential, null);
        }
        checks.add(new IssuerTrustCheck(context.trustList()).check(credential.issuer()));
        KeyBinding binding = null;
        CheckResult bindingCheck = null;
        if (credential.compact().hasKeyBinding() || rule.mode() == KeyBindingRule.Mode.REQUIRED) {
            try {
                binding = keyBinding(credential, rule, now);
                bindingCheck = CheckResult.passed(CheckId.HOLDER_BINDING, Reason.OK,
                        "presented by the holder the issuer bound it to");
            } catch (KeyBindingException e) {
                bindingCheck = CheckResult.failed(CheckId.HOLDER_BINDING, e.reason, e.getMessage());
            }
        }
        checks.add(recipient(credential, context, binding != null));
        checks.add(new ValidityCheck(context.clock()).check(credential.notBefore(), credential.expires()));
        checks.add(statusCheck.check(credential.status(), credential.issuer(), context.clock()));
        if (bindingCheck != null) {
            checks.add(bindingCheck);
        }
        return new Result(VerificationReport.of(now, checks), credential, binding);
    }

    /** Adds the issuer-key and signature checks; false when verification cannot go on. */
    private boolean signature(SdJwtVc credential, List<CheckResult> checks) {
        CompactJws jwt = credential.issuerJwt();
        JWSHeader header;
        try {
            header = jwt.jwsHeader();
        } catch (CredentialFormatException e) {
            checks.set(0, CheckResult.failed(CheckId.FORMAT, e.reason(), e.getMessage()));
            return false;
        }
        return VcJwtVerifier.checkIssuerSignature(keys, credential.issuer(), header, jwt.signingInput(), jwt.signature(),
                checks) != VcJwtVerifier.SignatureOutcome.FAILED;
    }

    /**
     * Whom the credential was issued to: an SD-JWT VC names its holder by key ({@code cnf.jwk}).
     * A key binding that held proves the presenter has it; otherwise the key must be one of this
     * wallet's holder DIDs (did:jwk).
     */
    private static CheckResult recipient(SdJwtVc credential, VerificationContext context, boolean boundAndChecked) {
        JsonNode holderKey = credential.holderKey();
        if (holderKey == null) {
            return CheckResult.passed(CheckId.RECIPIENT, Reason.NO_RECIPIENT_NAMED, "the credential is not bound to a holder key");
        }
        String thumbprint = credential.holderKeyThumbprint();
        for (String did : context.identities().dids()) {
            if (thumbprint != null && thumbprint.equals(thumbprintOfDidJwk(did))) {
                return CheckResult.passed(CheckId.RECIPIENT, Reason.OK, boundAndChecked
                        ? "presented with the holder key it was issued to" : "issued to this wallet's holder key");
            }
        }
        // Inside a presentation the holder named must be the one the credential is bound to: else
        // anyone could wrap someone else's SD-JWT, key binding and all, in a presentation of their own.
        if (context.identities().dids().isEmpty() && boundAndChecked) {
            return CheckResult.passed(CheckId.RECIPIENT, Reason.OK, "presented with the holder key it was issued to");
        }
        if (context.identities().isEmpty()) {
            return CheckResult.passed(CheckId.RECIPIENT, Reason.NO_RECIPIENT_NAMED,
                    "bound to a holder key; only its key binding can show who presents it");
        }
        return CheckResult.failed(CheckId.RECIPIENT, Reason.RECIPIENT_NOT_MATCHED,
                "issued to a holder key this wallet does not have");
    }

    /** Checks the key-binding JWT (RFC 9901 §7.3); returns what it says or throws why it fails. */
    private KeyBinding keyBinding(SdJwtVc credential, KeyBindingRule rule, Instant now) {
        String token = credential.compact().keyBinding();
        if (token == null) {
            throw new KeyBindingException(Reason.KEY_BINDING_MISSING, "the presentation has no key binding");
        }
        JsonNode holderJwk = credential.holderKey();
        if (holderJwk == null) {
            throw new KeyBindingException(Reason.NO_HOLDER_KEY, "the credential names no holder key to bind to");
        }
        CompactJws jwt;
        try {
            jwt = CompactJws.parse(token, MAX_KEY_BINDING_LENGTH);
        } catch (CredentialFormatException e) {
            throw new KeyBindingException(e.reason(), "the key binding is not a JWT: " + e.getMessage());
        }
        if (!jwt.hasType("kb+jwt")) {
            throw new KeyBindingException(Reason.WRONG_TOKEN_TYPE, "the key binding's typ is not kb+jwt");
        }
        CheckResult headerProblem = VcJwtVerifier.headerProblem(jwt.header());
        if (headerProblem != null) {
            throw new KeyBindingException(headerProblem.reason(), "the key binding's header is not acceptable");
        }
        IssuerKey key;
        try {
            key = holderKey(holderJwk.toString());
        } catch (IssuerKeyException e) {
            throw new KeyBindingException(Reason.NO_HOLDER_KEY, "the credential's holder key is not a usable public key");
        }
        boolean signed;
        try {
            signed = jwt.signedBy(key);
        } catch (CredentialFormatException e) {
            signed = false;
        }
        if (!signed) {
            throw new KeyBindingException(Reason.BAD_SIGNATURE, "the key binding is not signed by the credential's holder key");
        }
        JsonNode payload = jwt.payload();
        String sdHash = payload.path("sd_hash").asText(null);
        if (sdHash == null || !sdHash.equals(credential.compact().sdHash(credential.hash()))) {
            throw new KeyBindingException(Reason.SD_HASH_MISMATCH, "the key binding was made for other disclosures");
        }
        Instant issuedAt;
        try {
            issuedAt = jwt.seconds("iat");
        } catch (CredentialFormatException e) {
            issuedAt = null;
        }
        if (issuedAt == null) {
            throw new KeyBindingException(Reason.STALE, "the key binding does not say when it was made");
        }
        JsonNode audience = payload.get("aud");
        if (audience == null || !audience.isTextual()) {
            throw new KeyBindingException(Reason.WRONG_AUDIENCE, "the key binding names no audience");
        }
        JsonNode nonce = payload.get("nonce");
        if (nonce == null || !nonce.isTextual()) {
            throw new KeyBindingException(Reason.WRONG_NONCE, "the key binding carries no nonce");
        }
        if (rule.audience() != null && !rule.audience().equals(audience.asText())) {
            throw new KeyBindingException(Reason.WRONG_AUDIENCE, "the presentation was made for another recipient");
        }
        if (rule.nonce() != null && !rule.nonce().equals(nonce.asText())) {
            throw new KeyBindingException(Reason.WRONG_NONCE, "the presentation was made for another request");
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new KeyBindingException(Reason.STALE, "the key binding claims to be made in the future");
        }
        if (rule.maxAge() != null && issuedAt.isBefore(now.minus(rule.maxAge()))) {
            throw new KeyBindingException(Reason.STALE, "the key binding was not made just now");
        }
        Instant expires;
        try {
            expires = jwt.seconds("exp");
        } catch (CredentialFormatException e) {
            throw new KeyBindingException(Reason.STALE, "the key binding's expiry is not a date");
        }
        if (expires != null && !now.isBefore(expires)) {
            throw new KeyBindingException(Reason.STALE, "the presentation has expired");
        }
        return new KeyBinding(audience.asText(), nonce.asText(), issuedAt);
    }

    /**
     * The holder key of a {@code cnf.jwk}, kept for the next presentation by the same holder: making
     * a verifier builds the curve point's tables, which costs as much as the signature check itself.
     */
    private IssuerKey holderKey(String jwkJson) {
        IssuerKey cached = holderKeys.get(jwkJson);
        if (cached != null) {
            return cached;
        }
        IssuerKey key = IssuerKey.fromJwk("holder", "holder#cnf", jwkJson);
        if (holderKeys.size() >= MAX_CACHED_HOLDER_KEYS) {
            holderKeys.clear();
        }
        holderKeys.put(jwkJson, key);
        return key;
    }

    /** Why a key binding does not hold; becomes the holder-binding check. */
    private static final class KeyBindingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        KeyBindingException(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** The thumbprint of a did:jwk's key, or null for any other DID (or a malformed one). */
    private static String thumbprintOfDidJwk(String did) {
        if (!DID_JWK.supports(did)) {
            return null;
        }
        try {
            return DID_JWK.keysOf(did).get(0).thumbprint();
        } catch (IssuerKeyException e) {
            return null;
        }
    }
}
