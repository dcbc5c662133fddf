package nl.learnerwallet.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.EdubadgesIssuer;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OB 2.0 badges in the wallet: imported over real HTTP, kept with what was fetched, re-checked offline. */
class WalletOpenBadgesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final String EMAIL = "learner@student.example.nl";

    @TempDir
    Path home;

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final EdubadgesIssuer issuer = new EdubadgesIssuer(server.base()).publish(server);
    private Wallet wallet;
    private TrustList trust;

    @BeforeEach
    void createWallet() throws Exception {
        WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(), IssuerKeys.offline(),
                GuardedFetcher.standard(true));
        wallet = Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve("w.db"))),
                "correct horse battery".toCharArray(), context).wallet();
        trust = new TrustList(Collections.singletonList(new TrustEntry(issuer.issuerId(), "Hogeschool Voorbeeld", "test", NOW)));
    }

    @AfterEach
    void close() {
        wallet.close();
        server.close();
    }

    @Test
    void importsAHostedAssertionByUrlAndShowsItOfflineAfterwards() {
        String url = issuer.publish(server, issuer.assertion("W1", EMAIL));
        wallet.addIdentity(Identity.parse(EMAIL), trust);

        ImportResult result = wallet.importUrl(url, trust);

        assertThat(result.credential().format()).isEqualTo(CredentialFormat.OB2_HOSTED);
        assertThat(result.credential().report().status()).isEqualTo(VerificationStatus.VERIFIED);
        int requests = server.requests().size();
        StoredCredential stored = wallet.refreshOffline(trust).get(0);
        assertThat(server.requests()).hasSize(requests);
        assertThat(stored.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(stored.card().kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(stored.card().level().eqf()).isEqualTo(6);
    }

    @Test
    void aBakedBadgeKeepsItsImageBytesAndTheRecipientIsRecheckedOfflineWhenAnIdentityIsAdded() {
        ObjectNode assertion = issuer.assertion("W2", EMAIL);
        issuer.publish(server, assertion);
        wallet.addIdentity(Identity.parse("someone@student.example.nl"), trust);
        byte[] png = BadgeBaker.png(assertion.toString());

        StoredCredential imported = wallet.importCredential(png, trust).credential();
        assertThat(imported.report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);
        assertThat(imported.original()).isEqualTo(png);

        int requests = server.requests().size();
        wallet.addIdentity(Identity.parse(EMAIL), trust);
        StoredCredential after = wallet.credential(imported.id());
        assertThat(server.requests()).hasSize(requests);
        assertThat(after.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(after.card().studyLoad().toString()).isEqualTo("5 EC");
    }

    @Test
    void verifyGoesOnlineUnlessOffline() {
        ObjectNode assertion = issuer.assertion("W3", EMAIL);
        issuer.publish(server, assertion);
        wallet.addIdentity(Identity.parse(EMAIL), trust);
        StoredCredential imported = wallet.importCredential(assertion.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), trust).credential();
        server.status(EdubadgesIssuer.path(issuer.assertionUrl("W3")), 410);

        assertThat(wallet.verify(imported.id(), trust, true).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        StoredCredential online = wallet.verify(imported.id(), trust);
        assertThat(online.report().status()).isEqualTo(VerificationStatus.REVOKED);
        assertThat(online.report().check(CheckId.STATUS).reason()).isEqualTo(Reason.REVOKED);
        assertThat(wallet.refreshOffline(trust).get(0).report().status()).isEqualTo(VerificationStatus.REVOKED);
    }
}
