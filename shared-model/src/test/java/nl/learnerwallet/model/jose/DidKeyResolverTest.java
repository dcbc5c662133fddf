package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.util.Arrays;
import java.util.List;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class DidKeyResolverTest {

    private final DidKeyResolver resolver = new DidKeyResolver();

    @Test
    void resolvesEd25519DidKeyToTheSamePublicKey() {
        TestIssuer issuer = TestIssuer.ed25519();
        byte[] publicKey = ((OctetKeyPair) issuer.publicJwk()).getDecodedX();
        String did = DidKeyResolver.ed25519Did(publicKey);

        List<IssuerKey> keys = resolver.keysOf(did);

        assertThat(did).startsWith("did:key:z6Mk");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).issuerId()).isEqualTo(did);
        assertThat(keys.get(0).keyId()).isEqualTo(did + "#" + did.substring("did:key:".length()));
        assertThat(keys.get(0).thumbprint()).isEqualTo(thumbprint(issuer));
    }

    @Test
    void resolvesP256DidKeyToTheSamePublicKey() {
        TestIssuer issuer = TestIssuer.es256();
        String did = DidKeyResolver.p256Did(VcJwtVerifierTest.compressedPoint((ECKey) issuer.publicJwk()));

        List<IssuerKey> keys = resolver.keysOf(did);

        assertThat(did).startsWith("did:key:zDn");
        assertThat(keys.get(0).thumbprint()).isEqualTo(thumbprint(issuer));
    }

    @Test
    void resolvesDidKeyGivenWithItsFragment() {
        TestIssuer issuer = TestIssuer.ed25519();
        String did = DidKeyResolver.ed25519Did(((OctetKeyPair) issuer.publicJwk()).getDecodedX());

        assertThat(resolver.keysOf(did + "#" + did.substring(8)).get(0).issuerId()).isEqualTo(did);
    }

    @Test
    void refusesKeyTypeOutsideTheAllowList() {
        // secp256k1 (multicodec 0xe7): a valid did:key, but not a key type we verify with.
        byte[] prefixed = new byte[35];
        prefixed[0] = (byte) 0xe7;
        prefixed[1] = 0x01;
        prefixed[2] = 0x02;
        String did = "did:key:z" + Base58Btc.encode(prefixed);

        assertThatThrownBy(() -> resolver.keysOf(did)).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_ISSUER_METHOD));
    }

    @Test
    void refusesDidKeyThatIsNotBase58() {
        assertThatThrownBy(() -> resolver.keysOf("did:key:z6Mk0OIl")).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
    }

    @Test
    void refusesDidKeyWithoutMultibasePrefix() {
        assertThatThrownBy(() -> resolver.keysOf("did:key:6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"))
                .isInstanceOfSatisfying(IssuerKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
    }

    @Test
    void refusesP256DidKeyThatIsNotAPointOnTheCurve() {
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 0x02;
        Arrays.fill(notOnCurve, 1, 33, (byte) 0xff);

        assertThatThrownBy(() -> resolver.keysOf(DidKeyResolver.p256Did(notOnCurve)))
                .isInstanceOfSatisfying(IssuerKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
    }

    @Test
    void refusesOverlongDidKey() {
        StringBuilder did = new StringBuilder("did:key:z");
        for (int i = 0; i < 300; i++) {
            did.append('2');
        }

        assertThatThrownBy(() -> resolver.keysOf(did.toString())).isInstanceOfSatisfying(IssuerKeyException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ISSUER_KEY_UNRESOLVABLE));
    }

    private static String thumbprint(TestIssuer issuer) {
        try {
            return issuer.publicJwk().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
