package nl.learnerwallet.model.verify;

import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;

/** Whether the signer is an issuer the trust list recognises (a valid signature alone is not enough). */
public final class IssuerTrustCheck {

    private final TrustList trustList;

    public IssuerTrustCheck(TrustList trustList) {
        this.trustList = trustList;
    }

    public CheckResult check(String issuerId) {
        TrustEntry entry = trustList.find(issuerId);
        if (entry == null) {
            return CheckResult.failed(CheckId.ISSUER_TRUST, Reason.ISSUER_NOT_TRUSTED,
                    "the issuer is not on the trust list");
        }
        return CheckResult.passed(CheckId.ISSUER_TRUST, Reason.OK, entry.name());
    }
}
