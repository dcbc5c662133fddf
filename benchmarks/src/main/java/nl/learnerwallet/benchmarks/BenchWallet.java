package nl.learnerwallet.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;

/** A learner's wallet for the harnesses: signed Dutch credentials from one trusted issuer, shared as the wallet shares. */
final class BenchWallet implements AutoCloseable {

    private final WalletContext context = new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline(), null);
    private final Wallet wallet;
    private final TrustList trust;
    private final List<String> ids = new ArrayList<>();

    BenchWallet(Path folder, int credentials) throws SQLException {
        TestIssuer issuer = TestIssuer.es256();
        trust = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "bench", null));
        wallet = Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("wallet.db"))),
                "benchmark passphrase".toCharArray(), context).wallet();
        DutchCredentials.Shape[] shapes = DutchCredentials.Shape.values();
        for (int i = 0; i < credentials; i++) {
            StoredCredential stored = wallet.importCredential(DutchCredentials.of(shapes[i % shapes.length], issuer)
                    .toHolder(wallet.holderDid()).signed().getBytes(StandardCharsets.UTF_8), trust).credential();
            ids.add(stored.id());
        }
    }

    /** The issuers the server's pages should recognise. */
    TrustList trust() {
        return trust;
    }

    /** Writes the trust list into the folder and returns the server option that names it. */
    String trustListOption(Path folder) throws java.io.IOException {
        Path file = folder.resolve("trust.json");
        java.nio.file.Files.write(file, trust.toJson());
        return "-Dwallet.trust-list=" + file;
    }

    /** Registers with the server (again is harmless) and shares every credential for a week; returns the link. */
    String share(String serverUrl) {
        ServerClient client = new ServerClient(serverUrl, wallet.accountKey(), context.clock(), context.random());
        client.register();
        return new ShareLinks(wallet, client, context).create(new ShareLinks.Request(ids, Duration.ofDays(7), null, null,
                "employer", false), trust).url();
    }

    @Override
    public void close() {
        wallet.close();
    }
}
