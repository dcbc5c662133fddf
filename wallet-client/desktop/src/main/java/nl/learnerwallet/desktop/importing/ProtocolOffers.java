package nl.learnerwallet.desktop.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.client.oid4vc.CredentialOffer;
import nl.learnerwallet.client.oid4vc.CredentialReceiver;
import nl.learnerwallet.client.oid4vc.WalletProtocols;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Offers received with the core's OpenID4VCI client: pre-authorized code offers, with the
 * transaction code asked in a dialog. Offers that need signing in at the issuer in a browser are
 * refused in a sentence that points to {@code wallet receive}, which has the loopback listener
 * such a sign-in needs.
 */
public final class ProtocolOffers implements CredentialOffers {

    private final WalletContext context;

    public ProtocolOffers(WalletContext context) {
        this.context = context;
    }

    @Override
    public List<ImportResult> receive(Wallet wallet, String offer, TrustList trustList, TransactionCodes codes) {
        GuardedFetcher fetcher = context.fetcher() != null ? context.fetcher() : GuardedFetcher.standard(false);
        CredentialReceiver receiver = new CredentialReceiver(fetcher, wallet.holderKey(), context.clock(), Locale.getDefault(),
                WalletProtocols.nonceLedger(wallet), (interval, issuer) -> Thread.sleep(interval.toMillis()),
                CredentialReceiver.DEFAULT_MAX_DEFERRED_WAIT);
        CredentialReceiver.Offered offered = receiver.read(offer);
        if (offered.needsBrowser()) {
            throw new Refusal("offer.needsBrowser");
        }
        String code = null;
        if (offered.needsTransactionCode()) {
            CredentialOffer.TransactionCode asked = offered.offer().transactionCode();
            code = codes.ask(asked.description(), asked.length() > 0 ? asked.length() : null, asked.numeric());
            if (code == null) {
                throw new Refusal("offer.cancelled");
            }
        }
        List<ImportResult> stored = new ArrayList<>();
        for (CredentialReceiver.Received received : receiver.receive(offered, code, null)) {
            stored.add(wallet.importCredential(received.credential().getBytes(StandardCharsets.UTF_8), trustList));
        }
        return stored;
    }
}
