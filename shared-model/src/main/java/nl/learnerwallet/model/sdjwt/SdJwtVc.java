package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * An SD-JWT VC (IETF SD-JWT VC over RFC 9901), parsed and its disclosures processed, the issuer's
 * signature not yet checked: header {@code typ} {@code dc+sd-jwt} (the older {@code vc+sd-jwt}
 * accepted), a {@code vct}, an {@code iss}, and the claims that must stay visible not disclosable.
 */
public final class SdJwtVc {

    /** The EU Learning Credential type of the EUDI wallet ecosystem. */
    public static final String EU_LEARNING_CREDENTIAL = "urn:eu.europa.ec.eudi:learning:credential:1";
    /** Our microcredential type: the EU standard elements as claims (see {@link SdJwtCardMapper}). */
    public static final String LEARNER_WALLET_MICROCREDENTIAL = "urn:learnerwallet:microcredential:1";
    /** Our diploma type: a formal qualification (see {@link SdJwtCardMapper}). */
    public static final String LEARNER_WALLET_DIPLOMA = "urn:learnerwallet:diploma:1";

    /** SD-JWT VC §3.2.2: these must never be selectively disclosable, nor anything inside them. */
    private static final Set<String> ALWAYS_VISIBLE = new HashSet<>(Arrays.asList(
            "iss", "nbf", "exp", "cnf", "vct", "vct#integrity", "status"));

    private final SdJwt compact;
    private final CompactJws issuerJwt;
    private final SdJwtProcessor.Processed processed;
    private final String issuer;
    private final String type;

    private SdJwtVc(SdJwt compact, CompactJws issuerJwt, SdJwtProcessor.Processed processed, String issuer, String type) {
        this.compact = compact;
        this.issuerJwt = issuerJwt;
        this.processed = processed;
        this.issuer = issuer;
        this.type = type;
    }

    /** @throws CredentialFormatException naming the first problem */
    public static SdJwtVc parse(String text) {
        SdJwt compact = SdJwt.parse(text.trim());
        CompactJws jwt = CompactJws.parse(compact.issuerJwt(), SdJwt.MAX_LENGTH);
        if (!jwt.hasType("dc+sd-jwt", "vc+sd-jwt")) {
            throw new CredentialFormatException(Reason.WRONG_TOKEN_TYPE,
                    "the token's typ is not dc+sd-jwt: it is not an SD-JWT credential");
        }
        SdJwtProcessor.Processed processed = SdJwtProcessor.process(jwt.payload(), compact.disclosures());
        for (SdJwtProcessor.DisclosedClaim claim : processed.disclosed()) {
            String top = claim.path().split("[.\\[]", 2)[0];
            if (ALWAYS_VISIBLE.contains(top)) {
                throw new CredentialFormatException(Reason.CLAIM_NOT_DISCLOSABLE,
                        "the claim " + claim.path() + " may not be selectively disclosable");
            }
        }
        ObjectNode claims = processed.claims();
        JsonNode vct = claims.get("vct");
        if (vct == null || !vct.isTextual() || vct.asText().isEmpty()) {
            throw new CredentialFormatException(Reason.NOT_A_CREDENTIAL, "the SD-JWT names no credential type (vct)");
        }
        JsonNode iss = claims.get("iss");
        if (iss == null || !iss.isTextual() || iss.asText().isEmpty()) {
            throw new CredentialFormatException(Reason.NOT_A_CREDENTIAL, "the SD-JWT names no issuer (iss)");
        }
        JsonNode cnf = claims.get("cnf");
        if (cnf != null && !(cnf.isObject() && cnf.path("jwk").isObject())) {
            throw new CredentialFormatException(Reason.BAD_CLAIM, "cnf does not hold the holder's key as a JWK");
        }
        SdJwtVc parsed = new SdJwtVc(compact, jwt, processed, iss.asText(), vct.asText());
        // Read each date once so that a malformed one is a format problem, not a later surprise.
        parsed.issuedAt();
        parsed.notBefore();
        parsed.expires();
        return parsed;
    }

    public SdJwt compact() {
        return compact;
    }

    public CompactJws issuerJwt() {
        return issuerJwt;
    }

    /** The claims as disclosed: the signed payload with the disclosures put in their places. */
    public ObjectNode claims() {
        return processed.claims();
    }

    public SdJwtProcessor.Processed processed() {
        return processed;
    }

    public String issuer() {
        return issuer;
    }

    /** The {@code vct}: what kind of credential this is. */
    public String type() {
        return type;
    }

    public HashAlgorithm hash() {
        return processed.hash();
    }

    /** The paths of the claims that are selectively disclosable (dotted, {@code []} for array elements). */
    public List<String> disclosablePaths() {
        return processed.disclosedPaths();
    }

    /** The holder's public key ({@code cnf.jwk}) as JSON, or null when the credential is not key-bound. */
    public JsonNode holderKey() {
        JsonNode jwk = claims().path("cnf").path("jwk");
        return jwk.isObject() ? jwk : null;
    }

    /** The RFC 7638 thumbprint of the holder key, or null when there is none or it is not a JWK. */
    public String holderKeyThumbprint() {
        JsonNode jwk = holderKey();
        if (jwk == null) {
            return null;
        }
        try {
            return com.nimbusds.jose.jwk.JWK.parse(jwk.toString()).toPublicJWK().computeThumbprint().toString();
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            return null;
        }
    }

    public JsonNode status() {
        return claims().get("status");
    }

    public Instant issuedAt() {
        return seconds("iat");
    }

    public Instant notBefore() {
        return seconds("nbf");
    }

    public Instant expires() {
        return seconds("exp");
    }

    private Instant seconds(String claim) {
        return CompactJws.numericDate(claims(), claim);
    }
}
