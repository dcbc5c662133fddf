package nl.learnerwallet.model.sdjwt;

import static nl.learnerwallet.model.sdjwt.SdJwtTokens.JSON;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.NOW;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.digest;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.disclosure;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.keyBinding;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.payload;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.sign;
import static nl.learnerwallet.model.sdjwt.SdJwtTokens.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The issue's bad input, one test each: every broken SD-JWT is a typed check, never an exception. */
class SdJwtBadInputTest {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final TestIssuer HOLDER = TestIssuer.es256();
    private static final SdJwtVcVerifier VERIFIER = new SdJwtVcVerifier(IssuerKeys.offline(), new StatusCheck());
    private static final String AUDIENCE = "https://wallet.example/s/abc";
    private static final String NONCE = "n-0S6_WzA2Mj";
    private static final String TITLE = disclosure("[\"_26bc4LT-ac6q2KI6cBW5es\",\"achievement_title\",\"Data Science Basics\"]");
    private static final String GRADE = disclosure("[\"2GLC42sKQveCfGfryNRN9w\",\"assessment_grade\",\"8\"]");

    private static ObjectNode payloadWith(String... digests) {
        ObjectNode payload = payload(ISSUER);
        ArrayNode sd = payload.putArray("_sd");
        for (String each : digests) {
            sd.add(each);
        }
        payload.put("_sd_alg", "sha-256");
        payload.putObject("cnf").set("jwk", JSON.valueToTree(HOLDER.publicJwk().toJSONObject()));
        return payload;
    }

    private static String compact(ObjectNode payload, String... disclosures) {
        StringBuilder out = new StringBuilder(sign(ISSUER, payload)).append('~');
        for (String each : disclosures) {
            out.append(each).append('~');
        }
        return out.toString();
    }

    private static VerificationReport issued(String compact) {
        return VERIFIER.verify(compact, trusting(ISSUER.did()), KeyBindingRule.forbidden()).report();
    }

    private static VerificationReport presented(String compact) {
        return VERIFIER.verify(compact, trusting(ISSUER.did()),
                KeyBindingRule.required(AUDIENCE, NONCE, Duration.ofMinutes(5))).report();
    }

    private static Reason formatReason(VerificationReport report) {
        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
        return report.check(CheckId.FORMAT).reason();
    }

    private static Reason bindingReason(VerificationReport report) {
        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
        return report.check(CheckId.HOLDER_BINDING).reason();
    }

    @Test
    void theWellFormedBaselineVerifies() {
        assertThat(issued(compact(payloadWith(digest(TITLE), digest(GRADE)), TITLE, GRADE)).status())
                .isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void aDisclosureWhoseDigestIsNotInThePayload() {
        assertThat(formatReason(issued(compact(payloadWith(digest(TITLE)), TITLE, GRADE))))
                .isEqualTo(Reason.DISCLOSURE_NOT_REFERENCED);
    }

    @Test
    void aDigestAppearingTwice() {
        assertThat(formatReason(issued(compact(payloadWith(digest(TITLE), digest(TITLE)), TITLE))))
                .isEqualTo(Reason.DIGEST_REPEATED);
    }

    @Test
    void aDigestAppearingTwiceAcrossLevels() {
        ObjectNode payload = payloadWith(digest(TITLE));
        payload.putObject("level").putArray("_sd").add(digest(TITLE));
        assertThat(formatReason(issued(compact(payload, TITLE)))).isEqualTo(Reason.DIGEST_REPEATED);
    }

    @Test
    void theSameDisclosureGivenTwice() {
        assertThat(formatReason(issued(compact(payloadWith(digest(TITLE)), TITLE, TITLE))))
                .isEqualTo(Reason.DIGEST_REPEATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_sd", "..."})
    void aDisclosureWithAReservedName(String name) {
        String reserved = disclosure("[\"c2FsdHNhbHRzYWx0\",\"" + name + "\",\"x\"]");
        assertThat(formatReason(issued(compact(payloadWith(digest(reserved)), reserved))))
                .isEqualTo(Reason.DISCLOSURE_NAME_INVALID);
    }

    @Test
    void aDisclosureClashingWithAnExistingClaim() {
        ObjectNode payload = payloadWith(digest(TITLE));
        payload.put("achievement_title", "Something else");
        assertThat(formatReason(issued(compact(payload, TITLE)))).isEqualTo(Reason.DISCLOSURE_NAME_INVALID);
    }

    @Test
    void twoDisclosuresOfTheSameName() {
        String other = disclosure("[\"b3RoZXJzYWx0\",\"achievement_title\",\"Other\"]");
        assertThat(formatReason(issued(compact(payloadWith(digest(TITLE), digest(other)), TITLE, other))))
                .isEqualTo(Reason.DISCLOSURE_NAME_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"salt\"]", "[\"salt\",\"a\",\"b\",\"c\"]", "{\"salt\":\"a\"}", "[1,\"name\",\"v\"]",
        "[\"salt\",2,\"v\"]", "\"just a string\""})
    void aDisclosureArrayOfTheWrongShape(String json) {
        String bad = disclosure(json);
        assertThat(formatReason(issued(compact(payloadWith(digest(bad)), bad)))).isEqualTo(Reason.DISCLOSURE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not*base64", "WyJzYWx0IiwibmFtZSIsInYiXQ==", "WyJzYWx0Iiwib mFtZSIsInYiXQ", "e30+/"})
    void aDisclosureThatIsNotStrictBase64url(String bad) {
        assertThat(formatReason(issued(compact(payloadWith(digest(bad)), bad)))).isEqualTo(Reason.DISCLOSURE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha-1", "sha-256-32", "SHA-256", "whirlpool"})
    void anUnknownOrWeakHashAlgorithm(String sdAlg) {
        ObjectNode payload = payloadWith(digest(TITLE));
        payload.put("_sd_alg", sdAlg);
        assertThat(formatReason(issued(compact(payload, TITLE)))).isEqualTo(Reason.HASH_ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void anArrayElementDisclosureReferencedAsAProperty() {
        String element = disclosure("[\"ZWxlbWVudHNhbHQ\",\"NL\"]");
        assertThat(formatReason(issued(compact(payloadWith(digest(element)), element))))
                .isEqualTo(Reason.DISCLOSURE_NOT_REFERENCED);
    }

    @Test
    void arrayElementsAndDecoysAreProcessed() {
        String element = disclosure("[\"ZWxlbWVudHNhbHQ\",\"Cleans a data set\"]");
        ObjectNode payload = payloadWith(digest(TITLE), digest("a decoy"));
        ArrayNode outcomes = payload.putArray("learning_outcomes");
        outcomes.addObject().put("...", digest(element));
        outcomes.addObject().put("...", digest("another decoy"));
        outcomes.add("Explains a model");

        SdJwtVcVerifier.Result result = VERIFIER.verify(compact(payload, TITLE, element), trusting(ISSUER.did()),
                KeyBindingRule.forbidden());

        assertThat(result.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.credential().claims().path("learning_outcomes").toString())
                .isEqualTo("[\"Cleans a data set\",\"Explains a model\"]");
        assertThat(result.credential().disclosablePaths()).containsExactly("learning_outcomes[]", "achievement_title");
    }

    @Test
    void aClaimThatMustStayVisibleMadeDisclosable() {
        String iss = disclosure("[\"aXNzc2FsdA\",\"iss\",\"" + ISSUER.did() + "\"]");
        ObjectNode payload = payloadWith(digest(iss));
        payload.remove("iss");
        assertThat(formatReason(issued(compact(payload, iss)))).isEqualTo(Reason.CLAIM_NOT_DISCLOSABLE);
    }

    @Test
    void aClaimInsideOneThatMustStayVisibleMadeDisclosable() {
        String key = disclosure("[\"a2V5c2FsdA\",\"jwk\"," + HOLDER.publicJwk().toJSONString() + "]");
        ObjectNode payload = payloadWith();
        payload.remove("cnf");
        payload.putObject("cnf").putArray("_sd").add(digest(key));
        assertThat(formatReason(issued(compact(payload, key)))).isEqualTo(Reason.CLAIM_NOT_DISCLOSABLE);
    }

    @Test
    void disclosuresNestedTenThousandDeep() {
        String inner = disclosure("[\"c2FsdA\",\"leaf\",\"x\"]");
        StringBuilder all = new StringBuilder(inner);
        String current = inner;
        for (int i = 0; i < 10_000; i++) {
            String wrapper = disclosure("[\"s" + i + "\",\"n" + i + "\",{\"_sd\":[\"" + digest(current) + "\"]}]");
            all.insert(0, wrapper + "~");
            current = wrapper;
        }
        // 10,000 disclosures are also over the count limit; the depth rule is shown with 40.
        String many = sign(ISSUER, payloadWith(digest(current))) + "~" + all + "~";
        assertThat(formatReason(issued(many))).isEqualTo(Reason.TOO_LARGE);

        String leaf = disclosure("[\"c2FsdA\",\"leaf\",\"x\"]");
        StringBuilder chain = new StringBuilder(leaf);
        String top = leaf;
        for (int i = 0; i < 40; i++) {
            String wrapper = disclosure("[\"s" + i + "\",\"n" + i + "\",{\"_sd\":[\"" + digest(top) + "\"]}]");
            chain.insert(0, wrapper + "~");
            top = wrapper;
        }
        String deep = sign(ISSUER, payloadWith(digest(top))) + "~" + chain + "~";
        assertThat(formatReason(issued(deep))).isEqualTo(Reason.DISCLOSURES_TOO_DEEP);
    }

    @Test
    void aDisclosureThatReferencesItselfIsRefusedNotLooped() {
        // A disclosure cannot hold its own digest, but two can hold each other's only if a digest repeats.
        String a = disclosure("[\"YQ\",\"a\",{\"_sd\":[\"" + digest(TITLE) + "\"]}]");
        assertThat(formatReason(issued(compact(payloadWith(digest(a), digest(TITLE)), a, TITLE))))
                .isEqualTo(Reason.DIGEST_REPEATED);
    }

    @Test
    void anSdJwtForImportThatAlreadyCarriesAKeyBinding() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW);
        assertThat(formatReason(issued(presentation))).isEqualTo(Reason.KEY_BINDING_NOT_EXPECTED);
    }

    @Test
    void aKeyBindingJwtOfferedAsTheCredential() {
        String kbTyped = sign(ISSUER, payloadWith(digest(TITLE)), "kb+jwt") + "~" + TITLE + "~";
        assertThat(formatReason(issued(kbTyped))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void aStrippedKeyBindingWhereBindingIsRequired() {
        assertThat(bindingReason(presented(compact(payloadWith(digest(TITLE)), TITLE))))
                .isEqualTo(Reason.KEY_BINDING_MISSING);
    }

    @Test
    void aKeyBindingSignedByAnotherKey() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(TestIssuer.es256(), issued, AUDIENCE, NONCE, NOW);
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aKeyBindingWithAWrongTyp() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW, "jwt");
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void aKeyBindingWithAStaleIatWhenTheShareIsCreated() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW.minus(Duration.ofHours(2)));
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.STALE);
    }

    @Test
    void aKeyBindingFromTheFuture() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW.plus(Duration.ofHours(2)));
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.STALE);
    }

    @Test
    void aKeyBindingForAnotherAudience() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, "https://evil.example", NONCE, NOW);
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void aKeyBindingForAnotherNonce() {
        String issued = compact(payloadWith(digest(TITLE)), TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, "replayed-nonce", NOW);
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.WRONG_NONCE);
    }

    @Test
    void aKeyBindingWhoseSdHashCoversOtherDisclosures() {
        String full = compact(payloadWith(digest(TITLE), digest(GRADE)), TITLE, GRADE);
        String withoutGrade = compact(payloadWith(digest(TITLE), digest(GRADE)), TITLE);
        // The key binding was made over all disclosures; the grade was then stripped off.
        String kb = keyBinding(HOLDER, full, AUDIENCE, NONCE, NOW);
        assertThat(bindingReason(presented(withoutGrade + kb))).isEqualTo(Reason.SD_HASH_MISMATCH);
    }

    @Test
    void aCredentialWithoutAHolderKeyCannotBePresentedWithBinding() {
        ObjectNode payload = payloadWith(digest(TITLE));
        payload.remove("cnf");
        String issued = compact(payload, TITLE);
        String presentation = issued + keyBinding(HOLDER, issued, AUDIENCE, NONCE, NOW);
        assertThat(bindingReason(presented(presentation))).isEqualTo(Reason.NO_HOLDER_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "~~", "eyJhbGciOiJFUzI1NiJ9~", "eyJ.eyJ.sig~~", "abc~def~"})
    void shapesThatAreNoSdJwt(String text) {
        VerificationReport report = issued(text);
        assertThat(report.status()).isEqualTo(VerificationStatus.MALFORMED);
    }

    @Test
    void anSdJwtOverTheSizeLimit() {
        StringBuilder huge = new StringBuilder(new SdJwtIssuer(ISSUER).euLearningCredential(HOLDER.publicJwk()).issue());
        while (huge.length() <= SdJwt.MAX_LENGTH) {
            huge.append(TITLE).append('~');
        }
        assertThat(formatReason(issued(huge.toString()))).isEqualTo(Reason.TOO_LARGE);
    }
}
