package nl.learnerwallet.desktop.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.oid4vc.Oid4vcException;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.Oid4vcPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's offers go through the core's OpenID4VCI client to an independent issuer (oid4vc-ts) on loopback. */
class ProtocolOffersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Oid4vcPeer peer;

    @TempDir
    Path home;

    @BeforeAll
    static void startPeer() {
        peer = Oid4vcPeer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private final WalletContext context = new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline(),
            GuardedFetcher.standard(true));

    private Wallet wallet() throws Exception {
        return Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve("w.db"))),
                "correct horse battery".toCharArray(), context).wallet();
    }

    private String offer(String grant, String txCode) {
        ObjectNode request = JSON.createObjectNode().put("grant", grant);
        request.putArray("configurationIds").add("OpenBadgeCredential_jwt");
        if (txCode != null) {
            request.put("txCode", txCode);
        }
        return peer.createOffer(request).path("offerUri").asText();
    }

    @Test
    void anOfferWithATransactionCodeIsReceivedAndStoredVerified() throws Exception {
        TrustList trusted = TrustList.empty().with(new TrustEntry(peer.keys().path("issuerDid").asText(), "Hogeschool Utrecht",
                "test", java.time.Instant.now(), new ArrayList<>()));
        List<Integer> asked = new ArrayList<>();
        try (Wallet wallet = wallet()) {
            List<ImportResult> stored = new ProtocolOffers(context).receive(wallet, offer("pre-authorized_code", "493536"), trusted,
                    (description, length, numeric) -> {
                        asked.add(length);
                        return "493536";
                    });
            assertThat(asked).containsExactly(6);
            assertThat(stored).singleElement().satisfies(result ->
                    assertThat(result.credential().report().status()).isEqualTo(VerificationStatus.VERIFIED));
        }
    }

    @Test
    void aCancelledCodeOrASignInOfferIsRefusedInASentenceAndAWrongCodeByTheIssuer() throws Exception {
        try (Wallet wallet = wallet()) {
            ProtocolOffers offers = new ProtocolOffers(context);
            assertThatThrownBy(() -> offers.receive(wallet, offer("pre-authorized_code", "493536"), TrustList.empty(), (d, l, n) -> null))
                    .isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> offers.receive(wallet, offer("authorization_code", null), TrustList.empty(), (d, l, n) -> null))
                    .isInstanceOf(Refusal.class);
            assertThatThrownBy(() -> offers.receive(wallet, offer("pre-authorized_code", "493536"), TrustList.empty(), (d, l, n) -> "000000"))
                    .isInstanceOfSatisfying(Oid4vcException.class,
                            e -> assertThat(e.problem()).isEqualTo(Oid4vcException.Problem.GRANT_REFUSED));
            assertThat(wallet.credentials()).isEmpty();
        }
    }
}
