package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wycheproof's whole-JWS and JWK cases (shared/testdata/wycheproof, see its README) through the
 * path a credential's signature takes here: the group's public keys published as an issuer's
 * keys ({@link IssuerKey#fromJwk}, as a did:web document, an issuer profile or JWT VC issuer
 * metadata publish them), the token parsed strictly ({@link CompactJws}), its header judged
 * ({@link VcJwtVerifier#headerProblem}), the key chosen by {@code kid} among the issuer's own
 * ({@link VcJwtVerifier#selectKey}), and the signature checked ({@link CompactJws#signedBy}).
 * Beside it, {@link IssuerKey#verifiesCompact} — what OB 2.0 signed badges and status lists use —
 * which takes any payload.
 *
 * <p>No {@code invalid} case may be accepted by either. A {@code valid} case that we refuse is a
 * deviation, and each must be one of the {@link Deviation}s, which say why refusing it is right
 * here. These files have no {@code acceptable} cases (the one in the RSA signature file is
 * explained in {@link WycheproofSignatureTest}).
 */
class WycheproofJwsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://issuer.example";
    /** What our allow-list takes (IssuerKey#allows): everything else is refused by name. */
    private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList("ES256", "ES384", "EdDSA", "Ed25519",
            "RS256", "PS256"));

    /** Why a case Wycheproof calls valid is refused here, on purpose. */
    enum Deviation {
        /** HS256/384/512, RS384/512, PS384/512, ES512: not on the allow-list; HMAC is never accepted. */
        ALGORITHM_NOT_ALLOWED,
        /**
         * Wycheproof signs arbitrary bytes ("foo", an empty or all-zero payload); every token this
         * wallet reads carries a JSON object, so CompactJws refuses the rest as BAD_JSON. The
         * signature over them still verifies in {@link IssuerKey#verifiesCompact}, which is asserted.
         */
        PAYLOAD_NOT_A_JSON_OBJECT,
        /** A symmetric key can never be an issuer's published key: it would be a shared secret. */
        SYMMETRIC_KEY_NOT_PUBLISHABLE,
        /**
         * A character outside base64url inserted into a part (which lenient decoders skip): RFC 7515
         * base64url has no such characters, and the design refuses them (CompactJws, BAD_ENCODING).
         */
        NOT_STRICT_BASE64URL
    }

    /** What our path made of one token. */
    record Outcome(boolean accepted, Deviation deviation, String refusal) {
    }

    /** For SECURITY.md: how many cases ended which way. */
    private static final java.util.Map<String, Integer> TALLY = new java.util.concurrent.ConcurrentSkipListMap<>();

    @org.junit.jupiter.api.AfterAll
    static void tally() {
        System.out.println("Wycheproof JWS/JWK through our verifier: " + TALLY);
    }

    static Stream<Arguments> signatureCases() {
        return cases("wycheproof/json_web_signature_test.json");
    }

    static Stream<Arguments> keyCases() {
        return cases("wycheproof/json_web_key_test.json");
    }

    @ParameterizedTest(name = "tcId {0}: {1} {2} ({3})")
    @MethodSource("signatureCases")
    void jwsCaseThroughOurVerifier(int tcId, String group, String comment, String result, String jws, JsonNode keys) {
        judge(result, jws, keys);
    }

    @ParameterizedTest(name = "tcId {0}: {1} {2} ({3})")
    @MethodSource("keyCases")
    void jwkCaseThroughOurVerifier(int tcId, String group, String comment, String result, String jws, JsonNode keys) {
        judge(result, jws, keys);
    }

    private static void judge(String result, String jws, JsonNode keys) {
        List<IssuerKey> published = publish(keys);
        Outcome token = throughTokenPath(jws, published);
        boolean compact = throughCompactPath(jws, published);
        TALLY.merge("token path: " + result + (token.accepted() ? " accepted" : " refused" + (token.deviation() == null ? ""
                : " (" + token.deviation() + ")")), 1, Integer::sum);
        TALLY.merge("verifiesCompact: " + result + (compact ? " accepted" : " refused"), 1, Integer::sum);
        if ("invalid".equals(result)) {
            assertThat(token.accepted()).as("an invalid token is refused (" + token + ")").isFalse();
            assertThat(compact).as("an invalid token is refused by verifiesCompact").isFalse();
            return;
        }
        assertThat(result).isEqualTo("valid");
        if (token.accepted()) {
            assertThat(compact).as("what the token path accepts, verifiesCompact accepts").isTrue();
            return;
        }
        assertThat(token.deviation()).as("a valid token may only be refused for a stated reason: " + token.refusal())
                .isNotNull();
        if (token.deviation() == Deviation.PAYLOAD_NOT_A_JSON_OBJECT && !published.isEmpty()
                && ALLOWED.contains(algorithmOf(jws))) {
            assertThat(compact).as("the signature over the non-JSON payload itself verifies").isTrue();
        }
    }

    /** The group's public keys as an issuer would publish them; a refused key is not published. */
    private static List<IssuerKey> publish(JsonNode keys) {
        List<IssuerKey> out = new ArrayList<>();
        if (keys == null) {
            return out;
        }
        List<JsonNode> each = new ArrayList<>();
        if (keys.has("keys")) {
            keys.get("keys").forEach(each::add);
        } else {
            each.add(keys);
        }
        for (JsonNode jwk : each) {
            try {
                out.add(IssuerKey.fromJwk(ISSUER, ISSUER + "#" + jwk.path("kid").asText(String.valueOf(out.size())),
                        jwk.toString()));
            } catch (IssuerKeyException refused) {
                // A private or malformed key is never published; the issuer then has one key fewer.
            }
        }
        return out;
    }

    private static Outcome throughTokenPath(String token, List<IssuerKey> published) {
        CompactJws jws;
        try {
            jws = CompactJws.parse(token, VcJwt.MAX_TOKEN_LENGTH);
        } catch (CredentialFormatException e) {
            boolean emptyPayload = token.indexOf("..") > 0;
            Deviation deviation = e.reason() == Reason.BAD_JSON || (e.reason() == Reason.BAD_ENCODING && emptyPayload)
                    ? Deviation.PAYLOAD_NOT_A_JSON_OBJECT
                    : e.reason() == Reason.BAD_ENCODING ? Deviation.NOT_STRICT_BASE64URL : null;
            return refused(deviation, e.reason().name());
        }
        CheckResult headerProblem = VcJwtVerifier.headerProblem(jws.header());
        if (headerProblem != null) {
            return refused(headerProblem.reason() == Reason.ALGORITHM_NOT_ALLOWED ? Deviation.ALGORITHM_NOT_ALLOWED : null,
                    headerProblem.reason().name());
        }
        if (published.isEmpty()) {
            return refused(Deviation.SYMMETRIC_KEY_NOT_PUBLISHABLE, "no public key");
        }
        IssuerKey key;
        try {
            key = VcJwtVerifier.selectKey(publishedAs(published), ISSUER, jws.jwsHeader());
        } catch (IssuerKeyException | CredentialFormatException e) {
            return refused(null, e.getMessage());
        }
        if (!key.allows(jws.jwsHeader().getAlgorithm())) {
            return refused(ALLOWED.contains(jws.jwsHeader().getAlgorithm().getName()) ? null : Deviation.ALGORITHM_NOT_ALLOWED,
                    "algorithm not allowed for the key");
        }
        return jws.signedBy(key) ? new Outcome(true, null, null) : refused(null, "bad signature");
    }

    private static String algorithmOf(String token) {
        try {
            return com.nimbusds.jose.JWSObject.parse(token).getHeader().getAlgorithm().getName();
        } catch (java.text.ParseException e) {
            return "";
        }
    }

    private static boolean throughCompactPath(String token, List<IssuerKey> published) {
        for (IssuerKey key : published) {
            if (key.verifiesCompact(token)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome refused(Deviation deviation, String why) {
        return new Outcome(false, deviation, why);
    }

    private static IssuerKeyResolver publishedAs(List<IssuerKey> keys) {
        return new IssuerKeyResolver() {
            @Override
            public boolean supports(String issuerId) {
                return ISSUER.equals(issuerId);
            }

            @Override
            public List<IssuerKey> keysOf(String issuerId) {
                return Collections.unmodifiableList(keys);
            }
        };
    }

    private static Stream<Arguments> cases(String file) {
        JsonNode root;
        try {
            root = JSON.readTree(SharedTestData.bytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            // Only a public key is published; a group with only a private one (symmetric keys) publishes
            // that, to show it is refused as an issuer's key too.
            JsonNode keys = group.has("public") ? group.get("public") : group.get("private");
            for (JsonNode test : group.path("tests")) {
                out.add(Arguments.of(test.path("tcId").asInt(), group.path("comment").asText(), test.path("comment").asText(),
                        test.path("result").asText(), test.path("jws").asText(), keys));
            }
        }
        assertThat(out).as("test cases in " + file).hasSize(root.path("numberOfTests").asInt());
        return out.stream();
    }
}
