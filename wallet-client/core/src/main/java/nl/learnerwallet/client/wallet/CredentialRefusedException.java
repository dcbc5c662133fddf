package nl.learnerwallet.client.wallet;

import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.verify.VerificationReport;

/** An import was refused because the credential is malformed or tampered; nothing was stored. */
public class CredentialRefusedException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    private final transient VerificationReport report;

    public CredentialRefusedException(VerificationReport report, String message) {
        super(message);
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }
}
