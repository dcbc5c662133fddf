package nl.learnerwallet.model.sdjwt;

import java.time.Duration;

/**
 * What a verifier asks of an SD-JWT's key binding. An issued credential offered for import must
 * carry none ({@link #forbidden()}); a presentation must carry one made for this audience and
 * nonce ({@link #required}); {@code maxAge} judges its {@code iat} only when the presentation is
 * accepted (a share page viewed days later does not judge it again).
 *
 * @param audience the {@code aud} the key binding must name, or null for any
 * @param nonce the {@code nonce} it must carry, or null for any
 * @param maxAge how old its {@code iat} may be, or null not to judge freshness
 */
public record KeyBindingRule(Mode mode, String audience, String nonce, Duration maxAge) {

    public enum Mode {
        /** An issued credential: a key binding is refused. */
        FORBIDDEN,
        /** A presentation: a key binding must be there and hold. */
        REQUIRED,
        /** Whatever was given: a key binding is checked when there is one. */
        IF_PRESENT
    }

    public static KeyBindingRule forbidden() {
        return new KeyBindingRule(Mode.FORBIDDEN, null, null, null);
    }

    public static KeyBindingRule ifPresent() {
        return new KeyBindingRule(Mode.IF_PRESENT, null, null, null);
    }

    public static KeyBindingRule required(String audience, String nonce, Duration maxAge) {
        return new KeyBindingRule(Mode.REQUIRED, audience, nonce, maxAge);
    }
}
