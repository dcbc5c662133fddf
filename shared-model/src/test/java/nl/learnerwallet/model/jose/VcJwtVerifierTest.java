package nl.learnerwallet.model.jose;

import static nl.learnerwallet.model.jose.Verifications.HOLDER;
import static nl.learnerwallet.model.jose.Verifications.LEARNER_EMAIL;
import static nl.learnerwallet.model.jose.Verifications.NOW;
import static nl.learnerwallet.model.jose.Verifications.context;
import static nl.learnerwallet.model.jose.Verifications.emails;
import static nl.learnerwallet.model.jose.Verifications.reason;
import static nl.learnerwallet.model.jose.Verifications.trustList;
import static nl.learnerwallet.model.jose.Verifications.trusting;
import static nl.learnerwallet.model.jose.Verifications.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a well-formed VC-JWT comes out as: each status of DESIGN.md's order that a VC-JWT can reach. */
class VcJwtVerifierTest {

    private static final TestIssuer ES256 = TestIssuer.es256();
    private static final TestIssuer ED25519 = TestIssuer.ed25519();
    private static final TestIssuer RS256 = TestIssuer.rs256();

    static Stream<Arguments> didJwkIssuers() {
        return Stream.of(Arguments.of("ES256", ES256), Arguments.of("EdDSA", ED25519), Arguments.of("RS256", RS256));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("didJwkIssuers")
    void verifiesMicrocredentialFromTrustedDidJwkIssuer(String algorithm, TestIssuer issuer) {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(HOLDER).signed();

        VerifiedToken verified = VerifiedToken.of(token, trusting(issuer.did()));

        assertThat(verified.report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.report.checks()).extracting(check -> check.outcome()).containsOnly(Outcome.PASSED);
        assertThat(verified.report.check(CheckId.ISSUER_KEY).detail()).isEqualTo(issuer.keyId());
        assertThat(verified.jwt.issuerId()).isEqualTo(issuer.did());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("didJwkIssuers")
    void verifiesVc2FormFromTrustedDidJwkIssuer(String algorithm, TestIssuer issuer) {
        String token = DutchCredentials.of(Shape.WO_MICROCREDENTIAL, issuer).toHolder(HOLDER).vc2Form().signed();

        VerifiedToken verified = VerifiedToken.of(token, trusting(issuer.did()));

        assertThat(verified.report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.jwt.credential()).isSameAs(verified.jwt.payload());
        assertThat(verified.jwt.validFrom()).isEqualTo(Instant.parse("2026-06-12T09:30:00Z"));
        assertThat(verified.jwt.validUntil()).isEqualTo(Instant.parse("2031-06-12T22:00:00Z"));
    }

    @Test
    void verifiesCredentialFromEd25519DidKeyIssuer() {
        TestIssuer issuer = TestIssuer.ed25519();
        String didKey = DidKeyResolver.ed25519Did(((OctetKeyPair) issuer.publicJwk()).getDecodedX());

        String token = signedAsDidKey(issuer, didKey);

        VerificationReport report = verify(token, trusting(didKey));
        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.check(CheckId.ISSUER_KEY).detail()).isEqualTo(keyIdOf(didKey));
    }

    @Test
    void verifiesCredentialFromP256DidKeyIssuer() {
        TestIssuer issuer = TestIssuer.es256();
        String didKey = DidKeyResolver.p256Did(compressedPoint((ECKey) issuer.publicJwk()));

        String token = signedAsDidKey(issuer, didKey);

        VerificationReport report = verify(token, trusting(didKey));
        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(report.check(CheckId.ISSUER_KEY).detail()).isEqualTo(keyIdOf(didKey));
    }

    @Test
    void verifiesEs384FromP384DidJwkIssuer() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        String did = "did:jwk:" + Base64URL.encode(p384.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        ObjectNode payload = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).payload();
        payload.put("iss", did);
        ((ObjectNode) payload.get("vc").get("issuer")).put("id", did);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT)
                .keyID(did + "#0").build(), new Payload(payload.toString()));
        jws.sign(new ECDSASigner(p384));

        VerificationReport report = verify(jws.serialize(), trusting(did));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void verifiesEveryDutchShapeAsCredential() {
        for (Shape shape : Shape.values()) {
            String token = DutchCredentials.of(shape, ES256).toHolder(HOLDER).signed();

            assertThat(verify(token, trusting(ES256.did())).status()).as(shape.name())
                    .isEqualTo(VerificationStatus.VERIFIED);
        }
    }

    @Test
    void reportsValidSignatureOfUntrustedIssuerAsUnknownIssuer() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).signed();

        VerificationReport report = verify(token, trusting(TestIssuer.es256().did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.UNKNOWN_ISSUER);
        assertThat(reason(report, CheckId.ISSUER_TRUST)).isEqualTo(Reason.ISSUER_NOT_TRUSTED);
        assertThat(report.check(CheckId.SIGNATURE).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void reportsCredentialIssuedToAnotherDidAsNotRecipient() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(TestIssuer.es256().did()).signed();

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
    }

    @Test
    void reportsCredentialIssuedToAnEmailTheLearnerDoesNotHaveAsNotRecipient() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toEmail("j.jansen@student.example.nl").signed();

        VerificationReport report = verify(token, context(trustList(ES256.did()), emails(LEARNER_EMAIL)));

        assertThat(report.status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
    }

    @Test
    void matchesRecipientByHashedEmail() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toEmail(LEARNER_EMAIL).signed();

        VerificationReport report = verify(token, context(trustList(ES256.did()), emails("other@example.nl", LEARNER_EMAIL)));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.OK);
    }

    @Test
    void matchesHashedEmailWhenTheLearnerTypedItWithCapitals() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toEmail(LEARNER_EMAIL).signed();

        VerificationReport report = verify(token, context(trustList(ES256.did()), emails("S.deVries@Student.Example.nl")));

        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.OK);
    }

    @Test
    void passesCredentialThatNamesNoRecipient() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).signed();

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.NO_RECIPIENT_NAMED);
    }

    @Test
    void reportsExpiredCredentialAsExpired() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER)
                .validFrom(NOW.minus(Duration.ofDays(6 * 365))).validUntil(NOW.minus(Duration.ofDays(365))).signed();

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(reason(report, CheckId.VALIDITY)).isEqualTo(Reason.EXPIRED);
        assertThat(report.check(CheckId.SIGNATURE).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void reportsExpiredVc2FormCredentialAsExpired() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).vc2Form()
                .validFrom(NOW.minus(Duration.ofDays(6 * 365))).validUntil(NOW.minus(Duration.ofHours(1))).signed();

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(reason(report, CheckId.VALIDITY)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void reportsNotYetValidCredentialAsExpiredWithReasonNotYetValid() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER)
                .validFrom(NOW.plus(Duration.ofDays(30))).validUntil(NOW.plus(Duration.ofDays(5 * 365))).signed();

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(reason(report, CheckId.VALIDITY)).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void reportsCredentialWithStatusEntryAsUnverifiable() {
        ObjectNode payload = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).payload();
        ObjectNode status = ((ObjectNode) payload.get("vc")).putObject("credentialStatus");
        status.put("id", "https://status.example.nl/lists/3#94567");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", "94567");
        status.put("statusListCredential", "https://status.example.nl/lists/3");
        String token = ES256.sign(payload);

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(report.check(CheckId.STATUS).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(reason(report, CheckId.STATUS)).isEqualTo(Reason.STATUS_NOT_CHECKABLE);
    }

    @Test
    void reportsCredentialWithTokenStatusListClaimAsUnverifiable() {
        // The IETF Token Status List claim, as the edubadges OB 3.0 agent adds it: never silently "not revoked".
        ObjectNode payload = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).payload();
        ObjectNode statusList = payload.putObject("status").putObject("status_list");
        statusList.put("idx", 48213);
        statusList.put("uri", "https://agent.edubadges.example/ietf-oauth-token-status-list/0");
        String token = ES256.sign(payload);

        VerificationReport report = verify(token, trusting(ES256.did()));

        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(reason(report, CheckId.STATUS)).isEqualTo(Reason.STATUS_NOT_CHECKABLE);
    }

    @Test
    void reportsIssuerWhoseKeysCannotBeLookedUpOfflineAsUnverifiable() {
        String didWeb = "did:web:hogeschool.example.nl";
        ObjectNode payload = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).payload();
        payload.put("iss", didWeb);
        ((ObjectNode) payload.get("vc").get("issuer")).put("id", didWeb);
        String token = ES256.sign(ES256.header().keyID(didWeb + "#key-1").build(), payload);

        VerificationReport report = verify(token, trusting(didWeb));

        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
        assertThat(report.check(CheckId.SIGNATURE).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(reason(report, CheckId.ISSUER_KEY)).isEqualTo(Reason.UNSUPPORTED_ISSUER_METHOD);
    }

    @Test
    void statusOrderPutsExpiryBeforeRecipientAndTrust() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(TestIssuer.es256().did())
                .validFrom(NOW.minus(Duration.ofDays(800))).validUntil(NOW.minus(Duration.ofDays(1))).signed();

        VerificationReport report = verify(token, context(TrustList.empty(), Verifications.learner()));

        assertThat(report.status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(reason(report, CheckId.RECIPIENT)).isEqualTo(Reason.RECIPIENT_NOT_MATCHED);
        assertThat(reason(report, CheckId.ISSUER_TRUST)).isEqualTo(Reason.ISSUER_NOT_TRUSTED);
    }

    @Test
    void isThreadSafeAndReusable() throws Exception {
        VcJwtVerifier verifier = new VcJwtVerifier(IssuerKeys.offline());
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ES256).toHolder(HOLDER).signed();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<VerificationStatus>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> verifier.verify(token, trusting(ES256.did())).report().status()));
            }
            for (Future<VerificationStatus> result : results) {
                assertThat(result.get()).isEqualTo(VerificationStatus.VERIFIED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A credential whose iss and issuer.id are the did:key, signed with kid {@code did:key:z…#z…}. */
    static String signedAsDidKey(TestIssuer issuer, String didKey) {
        ObjectNode payload = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(HOLDER).payload();
        payload.put("iss", didKey);
        ((ObjectNode) payload.get("vc").get("issuer")).put("id", didKey);
        JWSHeader header = new JWSHeader.Builder(issuer.algorithm()).type(JOSEObjectType.JWT)
                .keyID(keyIdOf(didKey)).build();
        return issuer.sign(header, payload);
    }

    static String keyIdOf(String didKey) {
        return didKey + "#" + didKey.substring("did:key:".length());
    }

    static byte[] compressedPoint(ECKey key) {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        return p256.getCurve().createPoint(key.getX().decodeToBigInteger(), key.getY().decodeToBigInteger())
                .getEncoded(true);
    }

    private static final class VerifiedToken {
        final VerificationReport report;
        final VcJwt jwt;

        private VerifiedToken(VerificationReport report, VcJwt jwt) {
            this.report = report;
            this.jwt = jwt;
        }

        static VerifiedToken of(String token, VerificationContext context) {
            VcJwtVerifier.Result result = new VcJwtVerifier(IssuerKeys.offline()).verify(token, context);
            return new VerifiedToken(result.report(), result.credential());
        }
    }
}
