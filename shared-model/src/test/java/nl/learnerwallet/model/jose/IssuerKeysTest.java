package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

    @Test
    void resolvesSelfCertifyingDidOnceAndCachesIt() {
        IssuerKeys keys = IssuerKeys.offline();
        String did = TestIssuer.es256().did();

        assertThat(keys.keysOf(did)).isSameAs(keys.keysOf(did));
    }

    @Test
    void supportsDidJwkAndDidKeyOffline() {
        IssuerKeys keys = IssuerKeys.offline();

        assertThat(keys.supports("did:jwk:eyJ")).isTrue();
        assertThat(keys.supports("did:key:z6Mk")).isTrue();
        assertThat(keys.supports("did:web:uni.example")).isFalse();
        assertThat(keys.supports("https://uni.example/issuer")).isFalse();
    }

    @Test
    void reportsUnsupportedMethod() {
        assertThatThrownBy(() -> IssuerKeys.offline().keysOf("did:web:uni.example"))
                .isInstanceOfSatisfying(IssuerKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ISSUER_METHOD));
    }
}
