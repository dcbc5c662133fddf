package nl.learnerwallet.issuer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * The other side of the toolkit's tests: a learner's wallet (its holder key and e-mail address, a
 * trust list) verifying with shared-model at a fixed time, and the fixed time the toolkit issues at.
 */
final class TheWallet {

    /** Issued at and verified at; the toolkit's calendar is Amsterdam's. */
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    static final String EMAIL = "s.devries@student.example.nl";

    /** The learner's holder key: SD-JWT VCs are bound to it. */
    final TestIssuer holder = TestIssuer.es256();

    static CredentialIssuer issuer() {
        return new CredentialIssuer(CLOCK, new SecureRandom());
    }

    /** The learner's wallet, trusting only this issuer. */
    VerificationContext trusting(String issuerId) {
        TrustList trust = new TrustList(Collections.singletonList(new TrustEntry(issuerId, "Issuer", "test", NOW)));
        return new VerificationContext(trust, new RecipientIdentities(Collections.singletonList(holder.did()),
                Collections.singletonList(EMAIL), Collections.<String>emptyList()), CLOCK);
    }

    /** Offline: did:jwk issuers only, status lists inconclusive. */
    CredentialVerifier.Verified verifyOffline(String credential, String issuerId) {
        return verifyOffline(bytes(credential), issuerId);
    }

    /** A file as the wallet imports it: a credential, or an image it is baked into. */
    CredentialVerifier.Verified verifyOffline(byte[] original, String issuerId) {
        return new CredentialVerifier(IssuerKeys.offline()).verify(CredentialReader.read(original), trusting(issuerId));
    }

    /** Online through the guarded fetcher, loopback allowed (tests and the demo only). */
    CredentialVerifier.Verified verifyOnline(String credential, String issuerId) {
        return verify(credential, issuerId, GuardedFetcher.standard(true));
    }

    /** Online, trusting a loopback HTTPS server's test certificate. */
    CredentialVerifier.Verified verifyOnline(String credential, String issuerId, LoopbackIssuer https) {
        return verify(credential, issuerId, new GuardedFetcher(FetchConfig.defaults().withAllowPrivateNetworks(true)
                .withTls(https.clientSocketFactory(), https.trustManager())));
    }

    private CredentialVerifier.Verified verify(String credential, String issuerId, GuardedFetcher fetcher) {
        return new CredentialVerifier(IssuerKeys.offline(), fetcher).verify(CredentialReader.read(bytes(credential)),
                trusting(issuerId));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Puts every file the organisation publishes on the loopback server, at its URL's path. */
    static void publish(Organisation organisation, LoopbackIssuer server) throws Exception {
        for (PublishedFile file : organisation.publishedFiles()) {
            String path = file.url().substring(server.base().length());
            byte[] body = Files.readAllBytes(file.file());
            String type = HostedFiles.contentType(path.isEmpty() ? "/" : path);
            server.bytes(path.isEmpty() ? "/" : path, type, body);
        }
    }

    static String read(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
