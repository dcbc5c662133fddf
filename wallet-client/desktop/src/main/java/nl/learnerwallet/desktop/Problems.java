package nl.learnerwallet.desktop;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import nl.learnerwallet.client.home.WalletHomeException;
import nl.learnerwallet.client.keys.InvalidRecoveryCodeException;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.store.StoreException;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.WalletException;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever stopped a job into one sentence for the learner, never a stack trace. What the
 * core throws is typed; each type has its words in the bundle. Anything else is a bug: it is
 * logged (with its stack, which holds no personal data) and the learner reads that nothing changed.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    public static String sentence(Throwable failure) {
        Throwable problem = unwrap(failure);
        if (problem instanceof Refusal) {
            return problem.getMessage();
        }
        if (problem instanceof WalletException) {
            return Messages.getOr("wallet." + ((WalletException) problem).problem().name(), problem.getMessage());
        }
        if (problem instanceof WalletHomeException) {
            WalletHomeException home = (WalletHomeException) problem;
            return Messages.get("home." + home.problem().name(), home.path());
        }
        if (problem instanceof CredentialRefusedException) {
            boolean tampered = ((CredentialRefusedException) problem).report().status() == VerificationStatus.TAMPERED;
            return Messages.get(tampered ? "import.tampered" : "import.malformed");
        }
        if (problem instanceof UntrustedInputException) {
            UntrustedInputException input = (UntrustedInputException) problem;
            return Messages.get("input.refused", Messages.getOr("input." + input.problem().name(), input.getMessage()));
        }
        if (problem instanceof ServerException) {
            return Messages.getOr("server." + ((ServerException) problem).problem().name(), problem.getMessage());
        }
        if (problem instanceof nl.learnerwallet.client.oid4vc.Oid4vcException) {
            // The exchange's own sentence names the issuer, credential or address at fault.
            String detail = problem.getMessage();
            return Messages.get("offer.failed", detail.isEmpty() ? detail : detail.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + detail.substring(1));
        }
        if (problem instanceof FetchException) {
            FetchException fetch = (FetchException) problem;
            return Messages.get("fetch.failed", Messages.getOr("fetch." + fetch.problem().name(), fetch.getMessage()));
        }
        if (problem instanceof SdJwtPresenter.PresentationException) {
            SdJwtPresenter.PresentationException presentation = (SdJwtPresenter.PresentationException) problem;
            return Messages.get("present." + presentation.problem().name(), presentation.claim(),
                    String.join(", ", presentation.choices()));
        }
        if (problem instanceof InvalidRecoveryCodeException) {
            return Messages.get("recovery.mistyped");
        }
        if (problem instanceof StoreException || problem instanceof DecryptionFailedException) {
            return Messages.get("error.store");
        }
        LOG.error("unexpected failure in the desktop app", problem);
        return Messages.get("error.internal", problem.getClass().getSimpleName());
    }

    /** The failure itself, not the wrapper a future or an executor put around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable problem = failure;
        while ((problem instanceof CompletionException || problem instanceof ExecutionException) && problem.getCause() != null) {
            problem = problem.getCause();
        }
        return problem;
    }
}
