package nl.learnerwallet.model.presentation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Verifies a {@code vp+jwt} presentation: the holder's signature, what it was made for (audience
 * and nonce, and at acceptance its freshness), then every credential inside it on its own, with
 * the holder's DID and the identities the learner disclosed as the recipients to match. Each
 * credential's report carries the presentation's {@code holder-binding} check, so a presentation
 * whose holder signature fails makes every credential in it TAMPERED. Never throws for bad input.
 */
public final class PresentationVerifier {

    /** How many credentials one presentation may carry. */
    public static final int MAX_CREDENTIALS = 50;

    private final IssuerKeyResolver holderKeys;
    private final CredentialVerifier credentials;

    public PresentationVerifier(IssuerKeyResolver holderKeys, CredentialVerifier credentials) {
        this.holderKeys = holderKeys;
        this.credentials = credentials;
    }

    /**
     * What the presentation must have been made for. {@code maxAge} null means its age is not
     * judged (when it is viewed later, after it was accepted fresh).
     */
    public record Expectation(String audience, String nonce, Duration maxAge) {

        public static Expectation none() {
            return new Expectation(null, null, null);
        }

        /** The same expectation for an SD-JWT's key binding: it must be there, made for this audience and nonce. */
        public nl.learnerwallet.model.sdjwt.KeyBindingRule keyBinding() {
            return nl.learnerwallet.model.sdjwt.KeyBindingRule.required(audience, nonce, maxAge);
        }
    }

    public PresentationReport verify(String token, Expectation expectation, TrustList trustList, java.time.Clock clock) {
        Instant now = clock.instant();
        HolderJwt.Checked checked = HolderJwt.verify(token.trim(), "vp+jwt", holderKeys);
        if (!checked.valid()) {
            CheckId check = checked.malformed() ? CheckId.FORMAT : CheckId.HOLDER_BINDING;
            return new PresentationReport(null, CheckResult.failed(check, checked.failure(),
                    "the presentation is not signed by its holder as required"), Collections.<String>emptyList(),
                    Collections.<PresentedCredential>emptyList(), now);
        }
        JsonNode payload = checked.jwt().payload();
        String holder = checked.jwt().signer();
        CheckResult binding = binding(payload, holder, expectation, now);
        List<String> disclosed = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> eduIds = new ArrayList<>();
        for (JsonNode identity : payload.path("disclosedIdentities")) {
            String type = identity.path("type").asText("").toUpperCase(Locale.ROOT);
            String value = identity.path("value").asText(null);
            if (value == null || value.length() > 320) {
                continue;
            }
            (type.equals("EDUID") ? eduIds : emails).add(value);
            disclosed.add(type.equals("EDUID") ? "eduid:" + value : value);
        }
        RecipientIdentities recipients = new RecipientIdentities(Collections.singletonList(holder), emails, eduIds);
        VerificationContext context = new VerificationContext(trustList, recipients, clock);
        List<PresentedCredential> results = new ArrayList<>();
        JsonNode entries = payload.path("verifiableCredential");
        if (!entries.isArray() || entries.size() == 0 || entries.size() > MAX_CREDENTIALS) {
            binding = CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "the presentation carries no credentials");
        } else {
            int index = 0;
            for (JsonNode entry : entries) {
                results.add(credential(index++, entry, context, binding, expectation,
                        payload.path("aud").isTextual() ? payload.path("aud").asText() : null,
                        payload.path("nonce").isTextual() ? payload.path("nonce").asText() : null, now));
            }
        }
        return new PresentationReport(holder, binding, disclosed, results, now);
    }

    private static CheckResult binding(JsonNode payload, String holder, Expectation expectation, Instant now) {
        if (!hasType(payload.path("type"), "VerifiablePresentation")) {
            return CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "not a VerifiablePresentation");
        }
        String declaredHolder = payload.path("holder").asText(holder);
        if (!declaredHolder.equals(holder)) {
            return CheckResult.failed(CheckId.HOLDER_BINDING, Reason.ISSUER_MISMATCH, "signed by someone other than its holder");
        }
        if (expectation.audience() != null && !contains(payload.path("aud"), expectation.audience())) {
            return CheckResult.failed(CheckId.HOLDER_BINDING, Reason.WRONG_AUDIENCE, "made for another recipient");
        }
        if (expectation.nonce() != null && !expectation.nonce().equals(payload.path("nonce").asText(null))) {
            return CheckResult.failed(CheckId.HOLDER_BINDING, Reason.WRONG_NONCE, "made for another request");
        }
        if (expectation.maxAge() != null) {
            JsonNode iat = payload.path("iat");
            if (!iat.canConvertToLong()) {
                return CheckResult.failed(CheckId.HOLDER_BINDING, Reason.STALE, "the presentation does not say when it was made");
            }
            Instant issued = Instant.ofEpochSecond(iat.asLong());
            if (issued.isBefore(now.minus(expectation.maxAge())) || issued.isAfter(now.plus(Duration.ofMinutes(1)))) {
                return CheckResult.failed(CheckId.HOLDER_BINDING, Reason.STALE, "the presentation was not made just now");
            }
        }
        return CheckResult.passed(CheckId.HOLDER_BINDING, Reason.OK, "signed by the holder " + holder);
    }

    private PresentedCredential credential(int index, JsonNode entry, VerificationContext context, CheckResult binding,
            Expectation expectation, String audience, String nonce, Instant now) {
        String dataUrl = entry.isTextual() ? entry.asText() : entry.path("id").asText(null);
        ReadCredential read;
        try {
            read = CredentialReader.read(EnvelopedCredential.decode(dataUrl));
        } catch (IllegalArgumentException | UntrustedInputException e) {
            List<CheckResult> checks = new ArrayList<>();
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "the entry holds no readable credential"));
            checks.add(binding);
            return new PresentedCredential(index, null, VerificationReport.of(now, checks), null);
        }
        CredentialVerifier.Verified verified;
        try {
            // An SD-JWT inside carries its own key binding, made for the same audience and nonce as
            // the presentation around it (whatever a viewer expects of that presentation).
            verified = credentials.verify(read, context, nl.learnerwallet.model.sdjwt.KeyBindingRule.required(
                    audience, nonce, expectation.maxAge()));
        } catch (IllegalArgumentException unsupported) {
            List<CheckResult> checks = new ArrayList<>();
            checks.add(CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "a credential format this verifier cannot check"));
            checks.add(binding);
            return new PresentedCredential(index, read.format(), VerificationReport.of(now, checks), null);
        }
        List<CheckResult> checks = new ArrayList<>();
        CheckResult ownBinding = null;
        for (CheckResult check : verified.report().checks()) {
            if (check.check() == CheckId.HOLDER_BINDING) {
                ownBinding = check; // an SD-JWT's key binding
            } else {
                checks.add(check);
            }
        }
        // One holder-binding check per credential: an SD-JWT key binding that failed, else the presentation's.
        checks.add(ownBinding != null && ownBinding.outcome() != nl.learnerwallet.model.verify.Outcome.PASSED ? ownBinding : binding);
        List<String> withheld = declaredWithheld(entry);
        if (withheld != null && !verified.withheldClaims().isEmpty()) {
            // For a type we know, the holder may only name claims that are indeed not shown.
            withheld.retainAll(verified.withheldClaims());
        }
        // A self-declared entry stays SELF_DECLARED: the holder's signature does not make it verified.
        VerificationReport report = new VerificationReport(checks, verified.report().checkedAt(),
                verified.report().selfDeclared());
        return new PresentedCredential(index, verified.format(), report, verified.card(),
                withheld != null ? withheld : verified.withheldClaims());
    }

    /**
     * The claims the holder declares withheld in the (holder-signed) entry, or null when it declares
     * none: exact where the type-based guess cannot tell a withheld claim from one never issued.
     */
    private static List<String> declaredWithheld(JsonNode entry) {
        JsonNode declared = entry.path("withheldClaims");
        if (!declared.isArray() || declared.size() > 100) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode claim : declared) {
            if (!claim.isTextual() || claim.asText().length() > 100) {
                return null;
            }
            out.add(claim.asText());
        }
        return out;
    }

    /**
     * Verifies an SD-JWT presentation on its own ({@code <issuer-jwt>~<disclosure>~...~<kb-jwt>}):
     * one credential, whose key binding is the holder binding. Never throws for bad input.
     */
    public PresentationReport verifySdJwt(String compact, Expectation expectation, TrustList trustList,
            java.time.Clock clock) {
        Instant now = clock.instant();
        VerificationContext context = new VerificationContext(trustList, RecipientIdentities.none(), clock);
        CredentialVerifier.Verified verified = credentials.verify(
                new ReadCredential(nl.learnerwallet.model.CredentialFormat.SD_JWT_VC, compact.trim()), context,
                expectation.keyBinding());
        CheckResult binding = verified.report().check(CheckId.HOLDER_BINDING);
        if (binding == null) {
            CheckResult format = verified.report().check(CheckId.FORMAT);
            binding = format != null && format.outcome() == nl.learnerwallet.model.verify.Outcome.FAILED ? format
                    : CheckResult.failed(CheckId.HOLDER_BINDING, Reason.KEY_BINDING_MISSING, "the presentation has no key binding");
        }
        String holder = binding.outcome() == nl.learnerwallet.model.verify.Outcome.PASSED ? holderDid(compact) : null;
        List<PresentedCredential> results = new ArrayList<>();
        results.add(new PresentedCredential(0, verified.format(), verified.report(), verified.card(), verified.withheldClaims()));
        return new PresentationReport(holder, binding, Collections.<String>emptyList(), results, now);
    }

    /** The SD-JWT's holder key ({@code cnf.jwk}) as a did:jwk, to name who presented it. */
    private static String holderDid(String compact) {
        try {
            JsonNode jwk = nl.learnerwallet.model.sdjwt.SdJwtVc.parse(compact).holderKey();
            return nl.learnerwallet.model.jose.DidJwkResolver.didOf(com.nimbusds.jose.jwk.JWK.parse(jwk.toString()));
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }

    private static boolean hasType(JsonNode type, String wanted) {
        return contains(type, wanted);
    }

    private static boolean contains(JsonNode node, String wanted) {
        if (node.isTextual()) {
            return wanted.equals(node.asText());
        }
        for (JsonNode each : node) {
            if (wanted.equals(each.asText())) {
                return true;
            }
        }
        return false;
    }
}
