package nl.learnerwallet.server.ops;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.server.account.AccountRepository;
import nl.learnerwallet.server.db.RowIds;
import nl.learnerwallet.server.share.Share;
import nl.learnerwallet.server.share.ShareRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator does to a share or an account, each in one transaction with its entry in the
 * audit trail. A taken-down share's page says so (410) and its sealed presentation and decisions
 * are erased; a suspended account's requests are refused (403 {@code ACCOUNT_SUSPENDED}) until it
 * is unsuspended. Its share links keep working unless taken down too.
 */
@Singleton
public class AdminService {

    /** A reason is a sentence or two for the audit trail, not a document. */
    static final int MAX_REASON_LENGTH = 1000;
    static final String NO_REASON = "give the reason with --reason (at most " + MAX_REASON_LENGTH
            + " characters): it goes into the audit trail";
    private static final Logger LOG = LoggerFactory.getLogger(AdminService.class);

    private final ShareRepository shares;
    private final AccountRepository accounts;
    private final AdminActionRepository actions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AdminService(ShareRepository shares, AccountRepository accounts, AdminActionRepository actions, Clock clock) {
        this.shares = shares;
        this.accounts = accounts;
        this.actions = actions;
        this.clock = clock;
    }

    /**
     * @param share the share's id, or its link (or token) as someone reported it
     * @throws AdminRefusal {@code UNKNOWN_SHARE}, {@code ALREADY_DONE} or {@code NO_REASON}
     */
    @Transactional
    public AdminAction takeDown(String share, String reason, String operator) {
        checkReason(reason);
        Share found = findShare(share).orElseThrow(() -> new AdminRefusal(AdminRefusal.Reason.UNKNOWN_SHARE,
                "there is no share " + share + " on this server"));
        long now = clock.instant().getEpochSecond();
        if (shares.takeDown(found.id(), now) == 0) {
            throw new AdminRefusal(AdminRefusal.Reason.ALREADY_DONE, "share " + found.id() + " was taken down already");
        }
        shares.eraseDecisions(found.id());
        return record(AdminAction.Kind.TAKEDOWN, found.id(), reason, operator, now);
    }

    /**
     * @param account the account key, or one of its shares (id or link): the account behind it
     * @throws AdminRefusal {@code UNKNOWN_ACCOUNT}, {@code ALREADY_DONE} or {@code NO_REASON}
     */
    @Transactional
    public AdminAction suspend(String account, String reason, String operator) {
        checkReason(reason);
        String accountKey = accountKey(account);
        long now = clock.instant().getEpochSecond();
        if (accounts.suspend(accountKey, now) == 0) {
            throw new AdminRefusal(AdminRefusal.Reason.ALREADY_DONE, "this account is suspended already");
        }
        return record(AdminAction.Kind.SUSPEND, accountKey, reason, operator, now);
    }

    /**
     * @param account the account key, or one of its shares (id or link)
     * @throws AdminRefusal {@code UNKNOWN_ACCOUNT}, {@code ALREADY_DONE} or {@code NO_REASON}
     */
    @Transactional
    public AdminAction unsuspend(String account, String reason, String operator) {
        checkReason(reason);
        String accountKey = accountKey(account);
        if (accounts.unsuspend(accountKey) == 0) {
            throw new AdminRefusal(AdminRefusal.Reason.ALREADY_DONE, "this account is not suspended");
        }
        return record(AdminAction.Kind.UNSUSPEND, accountKey, reason, operator, clock.instant().getEpochSecond());
    }

    /** The audit trail, oldest first; of one share or account when {@code subject} is given. */
    @Transactional
    public List<AdminAction> trail(String subject) {
        return subject == null ? actions.findAllOrderByActedAt() : actions.findBySubjectOrderByActedAt(subject);
    }

    /** An account key as given, else the owner of the share it names. */
    private String accountKey(String account) {
        if (accounts.existsById(account)) {
            return account;
        }
        return findShare(account).map(Share::accountKey).orElseThrow(() -> new AdminRefusal(AdminRefusal.Reason.UNKNOWN_ACCOUNT,
                "there is no account with this key, nor a share with this id or link, on this server"));
    }

    /** A share by its id, or by its link or token (looked up by the token's hash, as the pages do). */
    private Optional<Share> findShare(String idOrLink) {
        Optional<Share> byId = shares.findById(idOrLink);
        if (byId.isPresent()) {
            return byId;
        }
        String token = idOrLink;
        int path = token.indexOf("/s/");
        if (path >= 0) {
            token = token.substring(path + 3).replaceAll("[/?#].*", "");
        }
        return ShareToken.isWellFormed(token) ? shares.findByTokenHash(ShareToken.hash(token)) : Optional.empty();
    }

    private static void checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new AdminRefusal(AdminRefusal.Reason.NO_REASON, NO_REASON);
        }
    }

    private AdminAction record(AdminAction.Kind kind, String subject, String reason, String operator, long now) {
        AdminAction action = new AdminAction(RowIds.next(random), now, kind.name(), subject, reason.strip(), operator);
        actions.save(action);
        // Ids only: the reason may name people.
        LOG.atInfo().setMessage("operator action {} {}").addArgument(kind).addArgument(action.id())
                .addKeyValue("action", kind.name()).addKeyValue("entry", action.id()).log();
        return action;
    }
}
