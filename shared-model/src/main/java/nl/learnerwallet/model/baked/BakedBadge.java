package nl.learnerwallet.model.baked;

import java.util.Objects;

/**
 * What an image carried: the embedded assertion or credential (JSON, a compact JWS, or only the
 * URL of a hosted assertion) and which kind of image it came in.
 */
public record BakedBadge(Image image, String payload) {

    public enum Image { PNG, SVG }

    public BakedBadge {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(payload, "payload");
    }
}
