package nl.learnerwallet.model.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import nl.learnerwallet.model.status.BitstringStatusListCheck;
import nl.learnerwallet.model.status.TokenStatusListCheck;

/**
 * Whether the issuer has revoked or suspended the credential. A credential without
 * {@code credentialStatus} (or {@code status} claim) passes; a {@code BitstringStatusListEntry} is
 * looked up in its status list when a {@link BitstringStatusListCheck} is given, and an IETF Token
 * Status List reference ({@code status_list}) when a {@link TokenStatusListCheck} is given (online
 * verification); any other status entry, or one checked offline, is inconclusive (never silently
 * "not revoked").
 */
public final class StatusCheck {

    private final BitstringStatusListCheck statusLists;
    private final TokenStatusListCheck tokenStatusLists;

    /** Offline: status entries are inconclusive. */
    public StatusCheck() {
        this(null, null);
    }

    /** Bitstring Status Lists only; Token Status List references are inconclusive. */
    public StatusCheck(BitstringStatusListCheck statusLists) {
        this(statusLists, null);
    }

    /** Online: either check may be null, and the entries it would look up are then inconclusive. */
    public StatusCheck(BitstringStatusListCheck statusLists, TokenStatusListCheck tokenStatusLists) {
        this.statusLists = statusLists;
        this.tokenStatusLists = tokenStatusLists;
    }

    public CheckResult check(JsonNode credentialStatus) {
        return check(credentialStatus, null, null);
    }

    /**
     * Without the verification's clock a Token Status List reference is inconclusive (its list may
     * have expired).
     *
     * @deprecated give the clock: {@link #check(JsonNode, String, Clock)}
     */
    @Deprecated
    public CheckResult check(JsonNode credentialStatus, String issuerId) {
        return check(credentialStatus, issuerId, null);
    }

    /**
     * @param credentialStatus the VC's {@code credentialStatus}, or the JWT's {@code status} claim
     * @param issuerId the credential's issuer: its status list must be signed by the same issuer
     * @param clock the verification's time, against which a Token Status List's {@code exp} is checked
     */
    public CheckResult check(JsonNode credentialStatus, String issuerId, Clock clock) {
        if (credentialStatus == null || credentialStatus.isMissingNode() || credentialStatus.isNull()) {
            return CheckResult.passed(CheckId.STATUS, Reason.NO_STATUS_PUBLISHED, null);
        }
        if (statusLists != null && issuerId != null && BitstringStatusListCheck.handles(credentialStatus)) {
            return statusLists.check(credentialStatus, issuerId);
        }
        if (tokenStatusLists != null && issuerId != null && clock != null && TokenStatusListCheck.handles(credentialStatus)) {
            return tokenStatusLists.check(credentialStatus, issuerId, clock);
        }
        return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                "the status list could not be checked");
    }
}
