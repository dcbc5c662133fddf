package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** did:web over real HTTPS with a test certificate, and issuer profiles as OB 3.0 key sources. */
class DidWebResolverTest {

    @Test
    void mapsDidsToDocumentUrls() {
        assertThat(DidWebResolver.documentUrl("did:web:issuer.example")).isEqualTo("https://issuer.example/.well-known/did.json");
        assertThat(DidWebResolver.documentUrl("did:web:issuer.example%3A8443:edu:hbo"))
                .isEqualTo("https://issuer.example:8443/edu/hbo/did.json");
        assertThatThrownBy(() -> DidWebResolver.documentUrl("did:web:issuer.example:..")).isInstanceOf(IssuerKeyException.class);
    }

    @Test
    void verifiesAVcJwtFromADidWebIssuerOverHttps() {
        try (LoopbackIssuer server = LoopbackIssuer.https()) {
            TestIssuer key = TestIssuer.es256();
            String did = server.didWeb();
            server.json("/.well-known/did.json", didDocument(did, key).toString());
            GuardedFetcher fetcher = new GuardedFetcher(FetchConfig.defaults().withAllowPrivateNetworks(true)
                    .withTls(server.clientSocketFactory(), server.trustManager()));
            String token = Verifications.signedAs(did, key, did + "#key-1");

            CredentialVerifier.Verified verified = new CredentialVerifier(IssuerKeys.offline(), fetcher)
                    .verify(CredentialReader.read(token.getBytes(StandardCharsets.UTF_8)), Verifications.trusting(did));

            assertThat(verified.report().check(CheckId.SIGNATURE).reason()).isEqualTo(Reason.OK);
            assertThat(verified.report().status()).isIn(VerificationStatus.VERIFIED, VerificationStatus.NOT_RECIPIENT);

            String forged = Verifications.signedAs(did, TestIssuer.es256(), did + "#key-1");
            assertThat(new CredentialVerifier(IssuerKeys.offline(), fetcher)
                    .verify(CredentialReader.read(forged.getBytes(StandardCharsets.UTF_8)), Verifications.trusting(did))
                    .report().status()).isEqualTo(VerificationStatus.TAMPERED);
        }
    }

    @Test
    void refusesPlainHttpForDidWeb() {
        try (LoopbackIssuer server = LoopbackIssuer.http()) {
            TestIssuer key = TestIssuer.es256();
            server.json("/.well-known/did.json", didDocument(server.didWeb(), key).toString());
            // Without the test certificate the TLS handshake against a plain HTTP port fails: never a fallback to http.
            DidWebResolver resolver = new DidWebResolver(GuardedFetcher.standard(true));
            assertThatThrownBy(() -> resolver.keysOf(server.didWeb())).isInstanceOfSatisfying(IssuerKeyException.class,
                    e -> assertThat(e.reason()).isIn(Reason.ISSUER_UNREACHABLE, Reason.FETCH_REFUSED));
        }
    }

    @Test
    void readsKeysFromAnIssuerProfile() {
        try (LoopbackIssuer server = LoopbackIssuer.http()) {
            TestIssuer key = TestIssuer.ed25519();
            String issuerId = server.url("/issuers/1");
            ObjectNode profile = didDocument(issuerId, key);
            profile.put("type", "Profile");
            server.json("/issuers/1", profile.toString());

            assertThat(new IssuerProfileKeyResolver(GuardedFetcher.standard(true)).keysOf(issuerId)).hasSize(1);
            server.json("/issuers/1", profile.put("id", server.url("/issuers/2")).toString());
            assertThatThrownBy(() -> new IssuerProfileKeyResolver(GuardedFetcher.standard(true)).keysOf(issuerId))
                    .isInstanceOf(IssuerKeyException.class);
        }
    }

    private static ObjectNode didDocument(String id, TestIssuer key) {
        ObjectNode document = StrictJson.mapper().createObjectNode();
        document.put("id", id);
        ObjectNode method = document.putArray("verificationMethod").addObject();
        method.put("id", id + "#key-1").put("type", "JsonWebKey2020").put("controller", id);
        method.set("publicKeyJwk", (ObjectNode) StrictJson.parse(key.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8)));
        document.putArray("assertionMethod").add(id + "#key-1");
        return document;
    }
}
