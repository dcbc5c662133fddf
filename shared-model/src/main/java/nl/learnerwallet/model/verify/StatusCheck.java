package nl.learnerwallet.model.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether the issuer has revoked or suspended the credential. A credential without
 * {@code credentialStatus} passes; one with a status entry this wallet cannot check yet is
 * inconclusive (never silently "not revoked").
 */
public final class StatusCheck {

    public CheckResult check(JsonNode credentialStatus) {
        if (credentialStatus == null || credentialStatus.isMissingNode() || credentialStatus.isNull()) {
            return CheckResult.passed(CheckId.STATUS, Reason.NO_STATUS_PUBLISHED, null);
        }
        return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                "the status list could not be checked");
    }
}
