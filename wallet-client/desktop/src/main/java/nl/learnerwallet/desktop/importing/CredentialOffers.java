package nl.learnerwallet.desktop.importing;

import java.util.List;
import java.util.Locale;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Receiving credentials from an issuer's OpenID for Verifiable Credential Issuance offer
 * ({@code openid-credential-offer://...}, by value or by reference): the desktop's way to the
 * core's OpenID4VCI client, which runs the exchange (metadata, token, proof of the holder key) and
 * stores what it receives like an import. The app starts with {@link #notAvailable()} until the
 * core offers that client; the screens need nothing else.
 */
@FunctionalInterface
public interface CredentialOffers {

    /** The scheme of a credential offer link (OpenID4VCI 1.0, section 4.1). */
    String SCHEME = "openid-credential-offer:";

    /**
     * Runs the whole exchange and stores the credentials the issuer sends, each with its status.
     * Called on the wallet's thread.
     *
     * @param offer the offer link as the learner pasted it or a QR code held it
     * @param codes asked when the offer requires a transaction code
     * @return what was stored, one result per credential
     * @throws RuntimeException a typed core exception or a {@link Refusal} when the offer cannot be used;
     *     the app says why in one sentence
     */
    List<ImportResult> receive(Wallet wallet, String offer, TrustList trustList, TransactionCodes codes);

    /** Asks the learner for the transaction code an issuer sent by another channel (e-mail, text message). */
    @FunctionalInterface
    interface TransactionCodes {
        /**
         * Called on the wallet's thread; waits for the learner's answer.
         *
         * @param description the issuer's hint where to find the code, or null
         * @param length how many characters the code has, or null when unknown
         * @param numeric whether the code is digits only
         * @return the code, or null when the learner cancelled
         */
        String ask(String description, Integer length, boolean numeric);
    }

    /** Whether text looks like a credential offer link (it may still be refused). */
    static boolean looksLikeOffer(String text) {
        return text != null && text.trim().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /** What the app uses until the core's OpenID4VCI client is wired in: a clear refusal, nothing stored. */
    static CredentialOffers notAvailable() {
        return (wallet, offer, trustList, codes) -> {
            throw new Refusal("offer.notAvailable");
        };
    }
}
