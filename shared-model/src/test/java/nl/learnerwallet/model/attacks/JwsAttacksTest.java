package nl.learnerwallet.model.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.HostileInputs;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attack catalogue, JWS/JWT: each attempt on a trusted issuer's credential comes back as a report
 * whose failed check names the attack (never an exception, never VERIFIED), and the verifier —
 * given a fetcher that could reach the attacker's server — sent it nothing.
 */
class JwsAttacksTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final TestIssuer HOLDER = TestIssuer.es256();

    private final Attacker attacker = new Attacker();
    private final HostileInputs inputs = new HostileInputs(ISSUER, HOLDER.did(), attacker.url(""));
    private final TrustList trust = new TrustList(Collections.singletonList(new TrustEntry(ISSUER.did(), "Hogeschool", "test", NOW)));
    private final VerificationContext context = new VerificationContext(trust, new RecipientIdentities(
            Collections.singletonList(HOLDER.did()), Collections.<String>emptyList(), Collections.<String>emptyList()), CLOCK);
    /** Online, and allowed onto loopback: were anything fetched, it would reach the attacker. */
    private final CredentialVerifier online = new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(true));

    @AfterEach
    void nothingReachedTheAttacker() {
        attacker.untouched();
        attacker.close();
    }

    @Test
    void theGenuineCredentialVerifies() {
        assertThat(verify(inputs.genuine()).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNoneInAnyCase(String spelling) {
        refused(inputs.algNone(spelling), CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256KeyedWithThePublicKey() {
        refused(inputs.hs256WithThePublicKey(), CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void embeddedJwkOfTheAttacker() {
        refused(inputs.embeddedAttackerJwk(), CheckId.ISSUER_KEY, Reason.HEADER_KEY_NOT_ISSUERS);
    }

    @Test
    void jkuIsNeverFetched() {
        refused(inputs.jkuToAttacker(), CheckId.ISSUER_KEY, Reason.KEY_URL_NOT_ALLOWED);
    }

    @Test
    void x5uIsNeverFetched() {
        refused(inputs.x5uToAttacker(), CheckId.ISSUER_KEY, Reason.KEY_URL_NOT_ALLOWED);
    }

    @Test
    void x5cNotAnchored() {
        refused(inputs.x5cSelfSigned(), CheckId.ISSUER_KEY, Reason.HEADER_KEY_NOT_ISSUERS);
    }

    @Test
    void kidAsAPath() {
        refused(inputs.kid("../../../../etc/passwd"), CheckId.ISSUER_KEY, Reason.KID_NOT_ISSUERS);
    }

    @Test
    void kidAsSql() {
        refused(inputs.kid("' OR '1'='1'; DROP TABLE credentials; --"), CheckId.ISSUER_KEY, Reason.KID_NOT_ISSUERS);
    }

    @Test
    void kidOfOneMegabyte() {
        refused(inputs.kid("k".repeat(1024 * 1024)), CheckId.FORMAT, Reason.TOO_LARGE);
    }

    @Test
    void unknownCriticalHeader() {
        refused(inputs.unknownCriticalHeader(), CheckId.SIGNATURE, Reason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void b64False() {
        refused(inputs.b64False(), CheckId.SIGNATURE, Reason.UNSUPPORTED_CRITICAL_HEADER);
    }

    @Test
    void tamperedPayload() {
        refused(inputs.tamperedPayload(), CheckId.SIGNATURE, Reason.BAD_SIGNATURE);
    }

    @Test
    void twoPartToken() {
        refused(inputs.twoParts(), CheckId.FORMAT, Reason.NOT_A_JWT);
    }

    /** Only the compact form is read; a JSON serialization is no JWT, whichever signature is good. */
    @Test
    void multiSignatureJsonWithOneBadSignature() {
        refused(inputs.multiSignatureJson(), CheckId.FORMAT, Reason.NOT_A_JWT);
    }

    @Test
    void base64urlWithPadding() {
        refused(inputs.base64Padding(), CheckId.FORMAT, Reason.BAD_ENCODING);
    }

    @Test
    void base64urlWithWhitespace() {
        refused(inputs.base64Whitespace(), CheckId.FORMAT, Reason.BAD_ENCODING);
    }

    @Test
    void base64WithPlusAndSlash() {
        refused(inputs.base64StandardAlphabet(), CheckId.FORMAT, Reason.BAD_ENCODING);
    }

    @Test
    void expOutOfRange() {
        refused(inputs.numericDate("exp", "1e300"), CheckId.FORMAT, Reason.BAD_CLAIM);
    }

    @Test
    void nbfOutOfRange() {
        refused(inputs.numericDate("nbf", "-99999999999999999"), CheckId.FORMAT, Reason.BAD_CLAIM);
    }

    @Test
    void iatOfTheWrongType() {
        refused(inputs.numericDate("iat", "\"yesterday\""), CheckId.FORMAT, Reason.BAD_CLAIM);
    }

    @Test
    void expOfTheWrongType() {
        refused(inputs.numericDate("exp", "{\"seconds\":1}"), CheckId.FORMAT, Reason.BAD_CLAIM);
    }

    @Test
    void keyBindingJwtOfferedAsACredential() {
        refused(inputs.typed("kb+jwt"), CheckId.FORMAT, Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void pbes2WithAHugeIterationCount() {
        refused(inputs.pbes2HugeIterations(), CheckId.SIGNATURE, Reason.ALGORITHM_NOT_ALLOWED);
        refused(inputs.pbes2HugeIterationsJwe(), CheckId.FORMAT, Reason.NOT_A_JWT);
    }

    @Test
    void header64KiB() {
        refused(inputs.header64KiB(), CheckId.FORMAT, Reason.TOO_LARGE);
    }

    @Test
    void token1MiB() {
        refused(inputs.token1MiB(), CheckId.FORMAT, Reason.TOO_LARGE);
    }

    @Test
    void presentationForAnotherAudience() {
        assertThat(holderBinding(presentation("https://elsewhere.example", "n-1")).reason()).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    /** A presentation made for an earlier request, offered again: its nonce is not this request's. */
    @Test
    void presentationWithAReusedNonce() {
        assertThat(holderBinding(presentation("https://verifier.example", "n-0")).reason()).isEqualTo(Reason.WRONG_NONCE);
    }

    private CheckResult holderBinding(String presentation) {
        PresentationVerifier verifier = new PresentationVerifier(IssuerKeys.offline(), online);
        CheckResult binding = verifier.verify(presentation, new PresentationVerifier.Expectation("https://verifier.example",
                "n-1", Duration.ofMinutes(5)), trust, CLOCK).holderBinding();
        assertThat(binding.outcome()).isEqualTo(Outcome.FAILED);
        return binding;
    }

    private String presentation(String audience, String nonce) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("iss", HOLDER.did()).put("holder", HOLDER.did()).put("aud", audience).put("nonce", nonce)
                .put("iat", NOW.getEpochSecond());
        payload.putArray("verifiableCredential").addObject().put("type", "EnvelopedVerifiableCredential")
                .put("id", "data:application/vc+jwt," + inputs.genuine());
        return HOLDER.sign(HOLDER.header().type(new JOSEObjectType("vp+jwt")).build(), payload);
    }

    private VerificationReport verify(String token) {
        return new VcJwtVerifier(IssuerKeys.offline()).verify(token, context).report();
    }

    private void refused(String token, CheckId check, Reason reason) {
        VerificationReport report = verify(token);
        assertThat(report.status()).isIn(VerificationStatus.MALFORMED, VerificationStatus.TAMPERED);
        assertThat(report.check(check)).as("the %s check", check).isNotNull();
        assertThat(report.check(check).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(report.check(check).reason()).isEqualTo(reason);
    }
}
