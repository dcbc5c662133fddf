package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JWT VC Issuer Metadata over real HTTPS with a test certificate: an HTTPS issuer's keys from its well-known document. */
class JwtVcIssuerMetadataResolverTest {

    private static final String ISSUER_PATH = "/issuers/1";
    private static final String METADATA_PATH = "/.well-known/jwt-vc-issuer/issuers/1";

    private final LoopbackIssuer server = LoopbackIssuer.https();
    private final String issuerId = server.url(ISSUER_PATH);
    private final TestIssuer key = TestIssuer.es256();
    private final JwtVcIssuerMetadataResolver resolver = new JwtVcIssuerMetadataResolver(trustingTheServer());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void mapsIssuersToMetadataUrls() {
        assertThat(JwtVcIssuerMetadataResolver.metadataUrl("https://issuer.example"))
                .isEqualTo("https://issuer.example/.well-known/jwt-vc-issuer");
        assertThat(JwtVcIssuerMetadataResolver.metadataUrl("https://issuer.example/"))
                .isEqualTo("https://issuer.example/.well-known/jwt-vc-issuer");
        assertThat(JwtVcIssuerMetadataResolver.metadataUrl("https://issuer.example:8443/tenant/1234/"))
                .isEqualTo("https://issuer.example:8443/.well-known/jwt-vc-issuer/tenant/1234");
        for (String refused : new String[] {"http://issuer.example", "https://issuer.example/a?b=c", "https://issuer.example/#key",
                "https://user@issuer.example", "https://issuer.example/a/../b", "https://issuer.example/%2E%2e/b", "https:/a",
                "https://issuer example"}) {
            assertThatThrownBy(() -> JwtVcIssuerMetadataResolver.metadataUrl(refused)).as(refused)
                    .isInstanceOfSatisfying(IssuerKeyException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
        }
    }

    @Test
    void supportsHttpsIssuersOnly() {
        assertThat(resolver.supports("https://issuer.example/1")).isTrue();
        assertThat(resolver.supports("http://issuer.example/1")).isFalse();
        assertThat(resolver.supports(key.did())).isFalse();
    }

    @Test
    void readsAnInlineKeySetAndVerifiesACredentialNamingItsKid() {
        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keySet(withKid(key.publicJwk(), "key-1"))).toString());

        assertThat(resolver.keysOf(issuerId)).extracting(IssuerKey::keyId).containsExactly(issuerId + "#key-1");

        VerificationReport verified = verify(Verifications.signedAs(issuerId, key, "key-1"));
        assertThat(verified.check(CheckId.ISSUER_KEY).reason()).isEqualTo(Reason.OK);
        assertThat(verified.check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.OK);

        VerificationReport forged = verify(Verifications.signedAs(issuerId, TestIssuer.es256(), "key-1"));
        assertThat(forged.status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(verify(Verifications.signedAs(issuerId, key, "key-2")).check(CheckId.ISSUER_KEY).reason())
                .isEqualTo(Reason.KID_NOT_ISSUERS);
    }

    @Test
    void namesAKeyWithoutKidByItsThumbprint() throws Exception {
        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keySet(key.publicJwk())).toString());
        String thumbprint = key.publicJwk().computeThumbprint().toString();

        assertThat(resolver.keysOf(issuerId)).extracting(IssuerKey::keyId).containsExactly(issuerId + "#" + thumbprint);
        assertThat(verify(Verifications.signedAs(issuerId, key, thumbprint)).check(CheckId.SIGNATURE).reason())
                .isEqualTo(Reason.OK);
    }

    @Test
    void readsTheKeySetAtJwksUri() {
        TestIssuer second = TestIssuer.ed25519();
        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", server.url("/keys.json")).toString());
        server.json("/keys.json", keySet(withKid(key.publicJwk(), "key-1"), withKid(second.publicJwk(), "key-2")).toString());

        assertThat(resolver.keysOf(issuerId)).extracting(IssuerKey::keyId)
                .containsExactly(issuerId + "#key-1", issuerId + "#key-2");
        assertThat(verify(Verifications.signedAs(issuerId, second, "key-2")).check(CheckId.SIGNATURE).reason())
                .isEqualTo(Reason.OK);
    }

    @Test
    void aKeySetThatCannotBeFetchedLeavesTheKeysUnchecked() {
        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", server.url("/missing.json")).toString());
        assertReason(Reason.ISSUER_UNREACHABLE);

        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", "http://127.0.0.1:" + server.port() + "/keys.json")
                .toString());
        assertReason(Reason.FETCH_REFUSED); // the key set, too, only over HTTPS
    }

    @Test
    void refusesMetadataOfAnotherIssuer() {
        ObjectNode keys = keySet(withKid(key.publicJwk(), "key-1"));
        for (String other : new String[] {issuerId + "/", server.url("/issuers/2"), issuerId.toUpperCase(Locale.ROOT)}) {
            server.json(METADATA_PATH, metadata(other).set("jwks", keys).toString());
            assertReason(Reason.ISSUER_MISMATCH);
        }
        ObjectNode withoutIssuer = StrictJson.mapper().createObjectNode();
        server.json(METADATA_PATH, withoutIssuer.set("jwks", keys).toString());
        assertReason(Reason.ISSUER_MISMATCH);
    }

    @Test
    void refusesASetWithAPrivateOrSecretKey() {
        server.json(METADATA_PATH, metadata(issuerId)
                .set("jwks", keySet(withKid(key.publicJwk(), "key-1"), withKid(TestIssuer.es256().privateJwk(), "key-2")))
                .toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);

        ObjectNode secret = StrictJson.mapper().createObjectNode().put("kty", "oct").put("kid", "hmac")
                .put("k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA");
        ObjectNode keys = keySet(withKid(key.publicJwk(), "key-1"));
        ((ArrayNode) keys.get("keys")).add(secret);
        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keys).toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
    }

    @Test
    void passesOverKeysItCannotUseAndRefusesASetWithNone() {
        ObjectNode keys = keySet(withKid(key.publicJwk(), "key-1"));
        ArrayNode list = (ArrayNode) keys.get("keys");
        list.add(StrictJson.mapper().createObjectNode().put("kty", "unknown").put("kid", "odd"));
        list.add(parse(withKid(TestIssuer.es256().publicJwk(), "enc").toJSONString()).put("use", "enc"));
        list.add("not a key");
        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keys).toString());
        assertThat(resolver.keysOf(issuerId)).extracting(IssuerKey::keyId).containsExactly(issuerId + "#key-1");

        list.remove(0);
        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keys).toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
    }

    @Test
    void refusesMetadataWithBothOrNeitherKeySource() {
        ObjectNode keys = keySet(withKid(key.publicJwk(), "key-1"));
        server.json("/keys.json", keys.toString());

        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", server.url("/keys.json")).set("jwks", keys).toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
        server.json(METADATA_PATH, metadata(issuerId).toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", 7).toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
        server.json(METADATA_PATH, metadata(issuerId).put("jwks", "keys").toString());
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
    }

    @Test
    void refusesADocumentThatIsNotJson() {
        for (String body : new String[] {"<html>issuer</html>", "", "[]", "{\"issuer\":1,\"issuer\":2}"}) {
            server.text(METADATA_PATH, "application/json", body);
            assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
        }
        server.json(METADATA_PATH, metadata(issuerId).put("jwks_uri", server.url("/keys.json")).toString());
        server.text("/keys.json", "application/json", "not json");
        assertReason(Reason.ISSUER_KEY_UNRESOLVABLE);
    }

    @Test
    void anUnreachableOrRefusedIssuerIsNotForged() {
        assertReason(Reason.ISSUER_UNREACHABLE); // nothing published: 404

        String closedIssuer;
        try (LoopbackIssuer gone = LoopbackIssuer.https()) {
            closedIssuer = gone.url(ISSUER_PATH);
        }
        assertThatThrownBy(() -> resolver.keysOf(closedIssuer)).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_UNREACHABLE));

        server.json(METADATA_PATH, metadata(issuerId).set("jwks", keySet(key.publicJwk())).toString());
        JwtVcIssuerMetadataResolver guarded = new JwtVcIssuerMetadataResolver(GuardedFetcher.standard(false));
        assertThatThrownBy(() -> guarded.keysOf(issuerId)).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.FETCH_REFUSED));
        VerificationReport unchecked = verify(Verifications.signedAs(closedIssuer, key, "key-1"));
        assertThat(unchecked.check(CheckId.ISSUER_KEY).reason()).isEqualTo(Reason.ISSUER_UNREACHABLE);
        assertThat(unchecked.status()).isNotEqualTo(VerificationStatus.TAMPERED);
    }

    private GuardedFetcher trustingTheServer() {
        return new GuardedFetcher(FetchConfig.defaults().withAllowPrivateNetworks(true)
                .withTls(server.clientSocketFactory(), server.trustManager()));
    }

    private VerificationReport verify(String token) {
        return new VcJwtVerifier(resolver).verify(token, Verifications.trusting(issuerId)).report();
    }

    private void assertReason(Reason reason) {
        assertThatThrownBy(() -> resolver.keysOf(issuerId)).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    private static ObjectNode metadata(String issuer) {
        return StrictJson.mapper().createObjectNode().put("issuer", issuer);
    }

    private static ObjectNode keySet(JWK... keys) {
        ObjectNode set = StrictJson.mapper().createObjectNode();
        ArrayNode list = set.putArray("keys");
        for (JWK jwk : keys) {
            list.add(parse(jwk.toJSONString()));
        }
        return set;
    }

    private static JWK withKid(JWK jwk, String kid) {
        try {
            return JWK.parse(parse(jwk.toJSONString()).put("kid", kid).toString());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) StrictJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
