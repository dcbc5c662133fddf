package nl.learnerwallet.client.share;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.model.presentation.TooLargeForQrException;

/**
 * Offline QR codes (DESIGN.md "Presentations"): one credential's presentation inside the code
 * itself, {@code LW1:} and Base45 of the compressed compact form, which a verifier checks without
 * any network. For whoever scans it ({@value #AUDIENCE}), with a random nonce and an expiry.
 */
public final class OfflineCodes {

    /** Who an offline QR code is for: whoever scans it. */
    public static final String AUDIENCE = "urn:learnerwallet:offline";

    private OfflineCodes() {
    }

    /**
     * An offline code, or the finding that it is too large: {@code text} is null when the
     * presentation does not fit any QR code at all.
     */
    public record OfflineCode(String text, int version, Instant expiresAt) {

        /** Whether a phone reads it from a screen or a print: at most {@link QrCodes#MAX_OFFLINE_VERSION}. */
        public boolean fits() {
            return text != null && version <= QrCodes.MAX_OFFLINE_VERSION;
        }

        /** The modules to draw (error correction L); only for a code that {@link #fits()}. */
        public boolean[][] modules() {
            return QrCodes.encodeOffline(text);
        }
    }

    /** Whether credentials of this format fit an offline code at all: VC-JWTs and SD-JWT VCs, which carry their own signature. */
    public static boolean supports(CredentialFormat format) {
        return format == CredentialFormat.OB3_JWT || format == CredentialFormat.SD_JWT_VC;
    }

    /**
     * @param disclose for an SD-JWT VC, the claims to disclose ({@link SdJwtPresenter#ALL} for all)
     * @throws IllegalArgumentException when the format is not {@link #supports supported}
     * @throws SdJwtPresenter.PresentationException when a claim is unknown or the credential is bound to another key
     */
    public static OfflineCode make(Wallet wallet, StoredCredential credential, Collection<String> disclose, Instant now,
            Duration validFor, SecureRandom random) {
        if (!supports(credential.format())) {
            throw new IllegalArgumentException("only VC-JWTs and SD-JWT VCs fit an offline QR code");
        }
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        Instant expires = now.plus(validFor);
        String presentation = credential.format() == CredentialFormat.SD_JWT_VC
                ? SdJwtPresenter.present(new String(wallet.presentable(credential), StandardCharsets.US_ASCII), disclose,
                        wallet.holderKey(), AUDIENCE, nonce, now, expires)
                : Presentations.sign(wallet.holderKey(), Collections.singletonList(Presentations.Enveloped.of(wallet, credential)),
                        AUDIENCE, nonce, now, expires, Collections.<Identity>emptyList());
        try {
            String text = OfflinePresentation.encode(presentation);
            return new OfflineCode(text, QrCodes.offlineVersionFor(text), expires);
        } catch (TooLargeForQrException beyondAnyQrCode) {
            return new OfflineCode(null, 0, expires);
        }
    }
}
