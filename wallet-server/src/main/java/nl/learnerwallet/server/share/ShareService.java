package nl.learnerwallet.server.share;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.server.account.AccountService;
import nl.learnerwallet.server.config.ShareConfig;
import nl.learnerwallet.server.config.WalletConfig;
import nl.learnerwallet.server.db.RowIds;
import nl.learnerwallet.server.db.WriteGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, accepting, listing, opening and revoking share links. Logs share ids, never tokens. */
@Singleton
public class ShareService {

    private static final Logger LOG = LoggerFactory.getLogger(ShareService.class);

    /** The purpose of a share that is an exemption dossier; the other is {@code employer}. */
    public static final String EXEMPTION = "exemption";

    private final ShareRepository shares;
    private final ShareViewRepository views;
    private final ViewLog viewLog;
    private final WriteGate writeGate;
    private final AccountService accounts;
    private final PresentationVerifier verifier;
    private final TrustList trustList;
    private final ShareConfig config;
    private final WalletConfig walletConfig;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareService(ShareRepository shares, ShareViewRepository views, ViewLog viewLog, WriteGate writeGate,
            AccountService accounts,
            PresentationVerifier verifier, TrustList trustList, ShareConfig config, WalletConfig walletConfig, Clock clock) {
        this.shares = shares;
        this.views = views;
        this.viewLog = viewLog;
        this.writeGate = writeGate;
        this.accounts = accounts;
        this.verifier = verifier;
        this.trustList = trustList;
        this.config = config;
        this.walletConfig = walletConfig;
        this.clock = clock;
    }

    /** What the presentation for a share must be made for. */
    public String audience(String shareId) {
        return walletConfig.baseUrl() + "/api/v1/shares/" + shareId;
    }

    /**
     * Creates a pending share: the wallet's token only as its hash, and a fresh nonce.
     *
     * @throws ShareRefusal {@code BAD_REQUEST} for a malformed hash, purpose, expiry or view limit
     */
    @Transactional
    public Share create(String accountKey, String tokenHash, String purpose, long expiresAt, Integer maxViews) {
        accounts.require(accountKey);
        long now = clock.instant().getEpochSecond();
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST, "tokenHash must be the SHA-256 of the token, in hex");
        }
        String kind = purpose == null ? "employer" : purpose.toLowerCase(Locale.ROOT);
        if (!kind.equals("employer") && !kind.equals("exemption")) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST, "purpose is employer or exemption");
        }
        if (expiresAt <= now || expiresAt > now + Duration.ofDays(config.maxDays()).getSeconds()) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST,
                    "a link expires after now and within " + config.maxDays() + " days");
        }
        if (maxViews != null && (maxViews < 1 || maxViews > 100_000)) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_REQUEST, "maxViews is between 1 and 100000");
        }
        Share share = new Share(randomId(), accountKey, tokenHash, randomNonce(), kind, now, expiresAt, maxViews, 0, null,
                false, null, null);
        shares.save(share);
        LOG.info("share {} created", share.id());
        return share;
    }

    /**
     * Accepts the presentation for a pending share: the token must be the one whose hash was
     * registered, and the presentation signed by its holder for this share's audience and nonce,
     * just now. It is then sealed under the token and the token forgotten.
     */
    @Transactional
    public Share upload(String accountKey, String shareId, String token, String presentation) {
        Share share = owned(accountKey, shareId);
        if (share.active() || share.revokedAt() != null) {
            throw new ShareRefusal(ShareRefusal.Reason.ALREADY_UPLOADED, "this share already has its presentation");
        }
        // In constant time: how much of the stored hash a guess matched must not show in the answer's timing.
        if (!ShareToken.isWellFormed(token) || !java.security.MessageDigest.isEqual(
                ShareToken.hash(token).getBytes(StandardCharsets.US_ASCII), share.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new ShareRefusal(ShareRefusal.Reason.WRONG_TOKEN, "the token is not this share's");
        }
        PresentationReport report = verifier.verify(presentation, new PresentationVerifier.Expectation(
                audience(share.id()), share.nonce(), Duration.ofSeconds(config.presentationMaxAgeSeconds())),
                trustList, clock);
        if (report.holderBinding().outcome() != Outcome.PASSED) {
            throw new ShareRefusal(ShareRefusal.Reason.BAD_PRESENTATION, "the presentation is not signed by its holder for "
                    + "this share just now (" + report.holderBinding().reason().name() + ")");
        }
        // An SD-JWT inside carries its own key binding: it too must be made for this share, just now.
        for (PresentedCredential credential : report.credentials()) {
            CheckResult binding = credential.report().check(CheckId.HOLDER_BINDING);
            if (binding != null && binding.outcome() != Outcome.PASSED) {
                throw new ShareRefusal(ShareRefusal.Reason.BAD_PRESENTATION, "a credential's key binding is not made for "
                        + "this share just now (" + binding.reason().name() + ")");
            }
        }
        byte[] sealed = ShareToken.seal(token, share.id(), presentation.getBytes(StandardCharsets.UTF_8), random);
        shares.activate(share.id(), sealed);
        LOG.info("share {} activated with {} credential(s)", share.id(), report.credentials().size());
        return shares.findById(share.id()).orElseThrow();
    }

    @Transactional
    public List<Share> list(String accountKey) {
        accounts.require(accountKey);
        return shares.findByAccountKeyOrderByCreatedAt(accountKey);
    }

    @Transactional
    public Share get(String accountKey, String shareId) {
        return owned(accountKey, shareId);
    }

    @Transactional
    public List<ShareView> log(String accountKey, String shareId) {
        owned(accountKey, shareId);
        return views.findByShareIdOrderByViewedAt(shareId);
    }

    /** Revokes a share: its link dies at once and its sealed presentation and decisions are erased. */
    @Transactional
    public Share revoke(String accountKey, String shareId) {
        owned(accountKey, shareId);
        shares.revoke(shareId, clock.instant().getEpochSecond());
        shares.eraseDecisions(shareId);
        LOG.info("share {} revoked", shareId);
        return shares.findById(shareId).orElseThrow();
    }

    /** A share as the public reaches it, with its presentation, and when it was looked at. */
    public record Opened(Share share, String presentation) {
    }

    /**
     * Opens a link for the public. A view is counted (atomically, within the limit) only for
     * {@link ViewKind#VIEW}; previews and HEAD requests are logged but use up nothing.
     *
     * @return empty when the link is unknown, pending, expired, revoked or used up — all alike
     */
    public Optional<Opened> open(String token, ViewKind kind, String browser) {
        return find(token, (share, now) -> writeGate.write(() -> viewLog.record(share.id(), kind, browser, now, randomId())));
    }

    /**
     * Opens a live link without counting or logging a view: for the dossier's decisions, which the
     * learner's wallet and the committee read and write besides looking at the page.
     *
     * @return empty when the link is unknown, pending, expired, revoked or used up — all alike
     */
    public Optional<Opened> peek(String token) {
        return find(token, (share, now) -> true);
    }

    /** Whether a look at a live share may go ahead (and is recorded as it does). */
    private interface Look {
        boolean record(Share share, long now);
    }

    private Optional<Opened> find(String token, Look look) {
        if (!ShareToken.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<Share> found = shares.findByTokenHash(ShareToken.hash(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Share share = found.get();
        long now = clock.instant().getEpochSecond();
        if (share.state(now) != Share.State.ACTIVE || !look.record(share, now)) {
            return Optional.empty();
        }
        try {
            String presentation = new String(ShareToken.open(token, share.id(), share.payload()), StandardCharsets.UTF_8);
            return Optional.of(new Opened(share, presentation));
        } catch (DecryptionFailedException e) {
            LOG.warn("share {} payload does not open with its token", share.id());
            return Optional.empty();
        }
    }

    /** Whether the token names a share the operator took down: its page says so, unlike other dead links. */
    public boolean takenDown(String token) {
        return ShareToken.isWellFormed(token)
                && shares.findByTokenHash(ShareToken.hash(token)).map(share -> share.takenDownAt() != null).orElse(false);
    }

    /** Whether the token names some share at all (for counting failed lookups). */
    public boolean exists(String token) {
        return ShareToken.isWellFormed(token) && shares.findByTokenHash(ShareToken.hash(token)).isPresent();
    }

    public TrustList trustList() {
        return trustList;
    }

    public PresentationVerifier verifier() {
        return verifier;
    }

    private Share owned(String accountKey, String shareId) {
        accounts.require(accountKey);
        return shares.findById(shareId).filter(share -> share.accountKey().equals(accountKey))
                .orElseThrow(() -> new ShareRefusal(ShareRefusal.Reason.UNKNOWN_SHARE, "this account has no such share"));
    }

    private String randomId() {
        return RowIds.next(random);
    }

    private String randomNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
