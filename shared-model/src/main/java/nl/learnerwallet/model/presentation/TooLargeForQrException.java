package nl.learnerwallet.model.presentation;

import nl.learnerwallet.model.LearnerWalletException;

/**
 * A presentation is too large for an offline QR code: its {@code LW1:} text would be longer than
 * the largest QR code holds, or the presentation is larger than a scanner would inflate. The
 * wallet then shares it with a link instead.
 */
public class TooLargeForQrException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    public TooLargeForQrException(String message) {
        super(message);
    }
}
