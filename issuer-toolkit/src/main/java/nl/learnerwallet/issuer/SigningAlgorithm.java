package nl.learnerwallet.issuer;

import java.util.Locale;

/** The algorithms an organisation signs with: ES256 on a P-256 key, or EdDSA on an Ed25519 key. */
public enum SigningAlgorithm {
    ES256("ES256"),
    EDDSA("EdDSA");

    private final String jwsName;

    SigningAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    /** The JWS {@code alg} value: {@code ES256} or {@code EdDSA}. */
    public String jwsName() {
        return jwsName;
    }

    /** @throws IssuerException {@code BAD_SETTING} [alg] for anything but ES256 and EdDSA (any case) */
    public static SigningAlgorithm of(String name) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.jwsName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IssuerException(IssuerException.Problem.BAD_SETTING, "the algorithm is ES256 or EdDSA", "alg");
    }
}
