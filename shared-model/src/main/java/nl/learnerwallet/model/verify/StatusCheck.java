package nl.learnerwallet.model.verify;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.status.BitstringStatusListCheck;

/**
 * Whether the issuer has revoked or suspended the credential. A credential without
 * {@code credentialStatus} passes; a {@code BitstringStatusListEntry} is looked up in its status
 * list when a {@link BitstringStatusListCheck} is given (online verification); any other status
 * entry, or one checked offline, is inconclusive (never silently "not revoked").
 */
public final class StatusCheck {

    private final BitstringStatusListCheck statusLists;

    /** Offline: status entries are inconclusive. */
    public StatusCheck() {
        this(null);
    }

    public StatusCheck(BitstringStatusListCheck statusLists) {
        this.statusLists = statusLists;
    }

    public CheckResult check(JsonNode credentialStatus) {
        return check(credentialStatus, null);
    }

    /** @param issuerId the credential's issuer: its status list must be signed by the same issuer */
    public CheckResult check(JsonNode credentialStatus, String issuerId) {
        if (credentialStatus == null || credentialStatus.isMissingNode() || credentialStatus.isNull()) {
            return CheckResult.passed(CheckId.STATUS, Reason.NO_STATUS_PUBLISHED, null);
        }
        if (statusLists != null && issuerId != null && BitstringStatusListCheck.handles(credentialStatus)) {
            return statusLists.check(credentialStatus, issuerId);
        }
        return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                "the status list could not be checked");
    }
}
