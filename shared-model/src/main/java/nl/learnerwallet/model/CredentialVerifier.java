package nl.learnerwallet.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.DataIntegrityCredential;
import nl.learnerwallet.model.format.Ob3CardMapper;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.jose.DidWebResolver;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.IssuerProfileKeyResolver;
import nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.ob2.HostedBadgeVerifier;
import nl.learnerwallet.model.ob2.Ob2Verification;
import nl.learnerwallet.model.ob2.Ob2Checks;
import nl.learnerwallet.model.ob2.Ob2Documents;
import nl.learnerwallet.model.ob2.SignedBadgeVerifier;
import nl.learnerwallet.model.sdjwt.KeyBindingRule;
import nl.learnerwallet.model.sdjwt.SdJwtCardMapper;
import nl.learnerwallet.model.sdjwt.SdJwtVc;
import nl.learnerwallet.model.sdjwt.SdJwtVcVerifier;
import nl.learnerwallet.model.status.BitstringStatusListCheck;
import nl.learnerwallet.model.status.TokenStatusListCheck;
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
 * Verifies a credential of any supported format and reads its card. Without a fetcher it uses no
 * network: hosted and signed OB 2.0, did:web and issuer-profile keys and status lists are then
 * inconclusive. With one, those are fetched through it. Thread-safe.
 */
public final class CredentialVerifier {

    private final IssuerKeyResolver offlineKeys;
    private final VcJwtVerifier vcJwt;
    private final SdJwtVcVerifier sdJwt;
    private final StatusCheck statusCheck;
    private final HostedBadgeVerifier hosted;
    private final SignedBadgeVerifier signed;

    /** Offline: only the key resolvers given (did:jwk, did:key) and no fetching. */
    public CredentialVerifier(IssuerKeyResolver keys) {
        this(keys, null);
    }

    /**
     * @param keys the resolvers that need no network
     * @param fetcher null for offline verification; else did:web, issuer profiles, hosted badges
     *     and status lists are fetched through it
     */
    public CredentialVerifier(IssuerKeyResolver keys, GuardedFetcher fetcher) {
        this.offlineKeys = keys;
        IssuerKeyResolver all = keys;
        // An https:// issuer means an OB issuer profile for VC-JWTs, JWT VC issuer metadata for SD-JWT VCs.
        IssuerKeyResolver sdJwtKeys = keys;
        if (fetcher != null) {
            all = withFetched(keys, new IssuerProfileKeyResolver(fetcher), fetcher);
            sdJwtKeys = withFetched(keys, new JwtVcIssuerMetadataResolver(fetcher), fetcher);
        }
        this.statusCheck = statusCheck(all, fetcher);
        this.vcJwt = new VcJwtVerifier(all, statusCheck);
        this.sdJwt = new SdJwtVcVerifier(sdJwtKeys, statusCheck(sdJwtKeys, fetcher));
        this.hosted = new HostedBadgeVerifier(fetcher);
        this.signed = new SignedBadgeVerifier(fetcher);
    }

    private static IssuerKeyResolver withFetched(IssuerKeyResolver offline, IssuerKeyResolver https, GuardedFetcher fetcher) {
        List<IssuerKeyResolver> resolvers = new ArrayList<>();
        resolvers.add(offline);
        resolvers.add(new DidWebResolver(fetcher));
        resolvers.add(https);
        return new IssuerKeys(resolvers);
    }

    private static StatusCheck statusCheck(IssuerKeyResolver keys, GuardedFetcher fetcher) {
        return fetcher == null ? new StatusCheck()
                : new StatusCheck(new BitstringStatusListCheck(fetcher, keys), new TokenStatusListCheck(fetcher, keys));
    }

    /**
     * What verification found: the report, the card when the credential could be read, for
     * network formats the documents it was read from ({@code resolved}: OB 2.0 assertion, badge
     * class and issuer profile), kept so that cards and offline checks need no network, and for an
     * SD-JWT the claims of its type that were not disclosed.
     */
    public record Verified(CredentialFormat format, VerificationReport report, CredentialCard card, JsonNode resolved,
            List<String> withheldClaims) {

        public Verified {
            withheldClaims = withheldClaims == null ? java.util.Collections.<String>emptyList()
                    : java.util.Collections.unmodifiableList(new ArrayList<>(withheldClaims));
        }

        public Verified(CredentialFormat format, VerificationReport report, CredentialCard card) {
            this(format, report, card, null, null);
        }

        public Verified(CredentialFormat format, VerificationReport report, CredentialCard card, JsonNode resolved) {
            this(format, report, card, resolved, null);
        }
    }

    /**
     * Verifies a credential as issued: an SD-JWT must come without a key binding. Never throws for
     * a bad credential: problems are checks in the report.
     */
    public Verified verify(ReadCredential credential, VerificationContext context) {
        return verify(credential, context, KeyBindingRule.forbidden());
    }

    /**
     * @param keyBinding what an SD-JWT's key binding must be (for a presentation, its audience and
     *     nonce); other formats ignore it
     */
    public Verified verify(ReadCredential credential, VerificationContext context, KeyBindingRule keyBinding) {
        switch (credential.format()) {
            case SD_JWT_VC: {
                SdJwtVcVerifier.Result result = sdJwt.verify(credential.encoded(), context, keyBinding);
                SdJwtVc read = result.credential();
                return read == null ? new Verified(credential.format(), result.report(), null)
                        : new Verified(credential.format(), result.report(), SdJwtCardMapper.map(read), null,
                                SdJwtCardMapper.withheldClaims(read));
            }
            case OB3_JWT: {
                VcJwtVerifier.Result result = vcJwt.verify(credential.encoded(), context);
                VcJwt jwt = result.credential();
                CredentialCard card = jwt == null ? null
                        : Ob3CardMapper.map(jwt.credential(), jwt.issuerId(), jwt.issuedOn(), jwt.validFrom(), jwt.validUntil());
                return new Verified(credential.format(), result.report(), card);
            }
            case OB2_HOSTED: {
                Ob2Verification result = hosted.verify(credential.encoded(), context);
                return ob2(credential.format(), result.report(), result.documents());
            }
            case OB2_SIGNED: {
                Ob2Verification result = signed.verify(credential.encoded(), context);
                return ob2(credential.format(), result.report(), result.documents());
            }
            case OB3_DI: {
                VerificationReport report = DataIntegrityCredential.verify(credential.encoded(), statusCheck, context);
                CredentialCard card = report.status() == nl.learnerwallet.model.verify.VerificationStatus.MALFORMED ? null
                        : DataIntegrityCredential.parse(credential.encoded()).card();
                return new Verified(credential.format(), report, card);
            }
            case SELF_DECLARED:
                return selfDeclared(credential, context);
            default:
                throw new IllegalArgumentException("no verifier for " + credential.format().id() + " yet");
        }
    }

    /**
     * Re-evaluates a stored credential without the network: VC-JWTs whose issuer keys need none
     * (did:jwk, did:key) and that carry no status are verified again in full; for the rest the last
     * online report stands except issuer trust, recipient and validity, which are re-checked from
     * the stored documents (an identity added, the trust list changed, time passed).
     *
     * @param resolved the documents stored with the credential, or null
     */
    public VerificationReport reevaluateOffline(ReadCredential credential, JsonNode resolved, VerificationReport previous,
            VerificationContext context) {
        List<CheckResult> fresh;
        try {
            switch (credential.format()) {
                case OB3_JWT: {
                    VcJwt jwt = VcJwt.parse(credential.encoded());
                    JsonNode status = jwt.credential().get("credentialStatus");
                    boolean hasStatus = (status != null && !status.isNull()) || jwt.payload().has("status");
                    if (offlineKeys.supports(jwt.issuerId()) && !hasStatus) {
                        return vcJwt.verify(credential.encoded(), context).report();
                    }
                    fresh = new ArrayList<>();
                    fresh.add(new IssuerTrustCheck(context.trustList()).check(jwt.issuerId()));
                    fresh.add(new RecipientCheck(context.identities()).check(jwt.credential().get("credentialSubject")));
                    fresh.add(new ValidityCheck(context.clock()).check(jwt.validFrom(), jwt.validUntil()));
                    break;
                }
                case SD_JWT_VC: {
                    SdJwtVc sdJwtVc = SdJwtVc.parse(credential.encoded());
                    if (offlineKeys.supports(sdJwtVc.issuer()) && sdJwtVc.status() == null) {
                        return sdJwt.verify(credential.encoded(), context, KeyBindingRule.forbidden()).report();
                    }
                    fresh = new ArrayList<>();
                    fresh.add(new IssuerTrustCheck(context.trustList()).check(sdJwtVc.issuer()));
                    fresh.add(new ValidityCheck(context.clock()).check(sdJwtVc.notBefore(), sdJwtVc.expires()));
                    break;
                }
                case OB2_HOSTED:
                case OB2_SIGNED: {
                    Ob2Documents documents = Ob2Documents.fromJson(resolved);
                    if (documents == null) {
                        documents = CredentialCards.localDocuments(credential);
                    }
                    if (documents == null) {
                        return previous;
                    }
                    fresh = Ob2Checks.contentChecks(documents, context);
                    break;
                }
                case OB3_DI:
                    fresh = DataIntegrityCredential.parse(credential.encoded()).contentChecks(context);
                    break;
                case SELF_DECLARED:
                    return selfDeclared(credential, context).report();
                default:
                    return previous;
            }
        } catch (CredentialFormatException | UntrustedInputException e) {
            return previous;
        }
        if (previous.check(CheckId.FORMAT) != null
                && previous.check(CheckId.FORMAT).outcome() == nl.learnerwallet.model.verify.Outcome.FAILED) {
            return previous;
        }
        List<CheckResult> merged = new ArrayList<>();
        for (CheckResult check : previous.checks()) {
            CheckResult replacement = null;
            for (CheckResult candidate : fresh) {
                if (candidate.check() == check.check()) {
                    replacement = candidate;
                }
            }
            merged.add(replacement == null ? check : replacement);
        }
        return new VerificationReport(merged, context.clock().instant(), previous.selfDeclared());
    }

    /**
     * A self-declared entry: nothing is signed, so the only check is its format — the fields, their
     * dates, and that it was not declared later than now (five minutes allowed for clocks) — and
     * the status is SELF_DECLARED.
     */
    private static Verified selfDeclared(ReadCredential credential, VerificationContext context) {
        java.time.Instant now = context.clock().instant();
        SelfDeclaredEntry entry;
        try {
            entry = SelfDeclaredEntry.parse(credential.encoded());
        } catch (UntrustedInputException e) {
            Reason reason = e.problem() == InputProblem.TOO_LARGE ? Reason.TOO_LARGE
                    : e instanceof SelfDeclaredEntry.InvalidEntryException ? Reason.BAD_CLAIM : Reason.BAD_JSON;
            return new Verified(credential.format(), VerificationReport.of(now,
                    java.util.Collections.singletonList(CheckResult.failed(CheckId.FORMAT, reason, e.getMessage()))), null);
        }
        if (entry.declaredAt().isAfter(now.plus(java.time.Duration.ofMinutes(5)))) {
            return new Verified(credential.format(), VerificationReport.of(now, java.util.Collections.singletonList(
                    CheckResult.failed(CheckId.FORMAT, Reason.BAD_CLAIM, "the entry was declared later than now"))), null);
        }
        return new Verified(credential.format(), VerificationReport.selfDeclared(now, CheckResult.passed(CheckId.FORMAT)),
                entry.card());
    }

    private static Verified ob2(CredentialFormat format, VerificationReport report, Ob2Documents documents) {
        CredentialCard card = documents == null ? null : nl.learnerwallet.model.ob2.Ob2CardMapper.map(documents);
        return new Verified(format, report, card, documents == null ? null : documents.toJson());
    }
}
