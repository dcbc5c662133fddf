package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidJwkResolverTest {

    private final DidJwkResolver resolver = new DidJwkResolver();

    @Test
    void resolvesTheIssuersKeyWithKeyIdZero() {
        TestIssuer issuer = TestIssuer.es256();

        List<IssuerKey> keys = resolver.keysOf(issuer.did());

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).keyId()).isEqualTo(issuer.keyId());
        assertThat(keys.get(0).issuerId()).isEqualTo(issuer.did());
    }

    @Test
    void refusesDidJwkHoldingAPrivateKey() {
        TestIssuer issuer = TestIssuer.es256();
        String did = didJwk(issuer.privateJwk().toJSONString());

        assertUnresolvable(did);
    }

    @Test
    void refusesDidJwkHoldingASymmetricKey() {
        assertUnresolvable(didJwk("{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}"));
    }

    @Test
    void refusesDidJwkWithDuplicateMembers() {
        TestIssuer issuer = TestIssuer.es256();
        String json = issuer.publicJwk().toJSONString();

        assertUnresolvable(didJwk(json.replaceFirst("\\{", "{\"kty\":\"oct\",")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:jwk:eyJ+a3R5Ijoi", "did:jwk:eyJrdHkiOiJFQyJ9=", "did:jwk:", "did:jwk:bm90IGpzb24"})
    void refusesDidJwkThatIsNotBase64UrlOfAJwk(String did) {
        assertUnresolvable(did);
    }

    @Test
    void refusesOverlongDidJwk() {
        StringBuilder did = new StringBuilder("did:jwk:");
        for (int i = 0; i < 3000; i++) {
            did.append('A');
        }

        assertUnresolvable(did.toString());
    }

    private void assertUnresolvable(String did) {
        assertThatThrownBy(() -> resolver.keysOf(did)).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
    }

    private static String didJwk(String json) {
        return "did:jwk:" + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8));
    }
}
