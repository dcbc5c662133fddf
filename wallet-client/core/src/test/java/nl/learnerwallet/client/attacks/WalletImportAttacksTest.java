package nl.learnerwallet.client.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.HostileInputs;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attack catalogue, the wallet's import: every hostile input of the catalogue (test-support's
 * {@link HostileInputs}; the shared-model catalogue asserts each one's reason) offered to a real
 * wallet on a real SQLite file, whose verifier may fetch and reach loopback. Each is refused with a
 * typed exception — {@link UntrustedInputException} (its problem) or {@link CredentialRefusedException}
 * (MALFORMED or TAMPERED) — nothing else escapes; the wallet file is byte for byte what it was; and
 * the attacker's server, where the inputs' URLs point, got no request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletImportAttacksTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private final TestIssuer issuer = TestIssuer.es256();
    private final LoopbackIssuer attacker = LoopbackIssuer.http();
    private final WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            IssuerKeys.offline(), GuardedFetcher.standard(true));
    private final TrustList trusted = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "test", NOW));
    private Path home;
    private Wallet wallet;
    private HostileInputs inputs;

    @BeforeAll
    void createWallet(@TempDir Path folder) {
        home = folder;
        wallet = Wallet.create(openStore(), PASSPHRASE, context).wallet();
        inputs = new HostileInputs(issuer, wallet.holderDid(), attacker.base());
    }

    @AfterAll
    void close() {
        wallet.close();
        attacker.close();
    }

    @BeforeEach
    @AfterEach
    void nothingReachedTheAttacker() {
        assertThat(attacker.requests()).isEmpty();
    }

    Stream<Arguments> hostileInputs() {
        return inputs.refusedOnImport().entrySet().stream().map(each -> Arguments.of(each.getKey(), each.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void isRefusedAndNothingIsWritten(String attack, byte[] input) throws Exception {
        int before = wallet.credentials().size();
        byte[] file = digest(home.resolve("wallet.db"));

        try {
            wallet.importCredential(input, trusted);
            fail("imported " + attack);
        } catch (UntrustedInputException refused) {
            assertThat(refused.problem()).isNotNull();
        } catch (CredentialRefusedException refused) {
            assertThat(refused.report().status()).isIn(VerificationStatus.MALFORMED, VerificationStatus.TAMPERED);
        }

        assertThat(wallet.credentials()).hasSize(before);
        assertThat(digest(home.resolve("wallet.db"))).as("the wallet file").isEqualTo(file);
    }

    /** The harness can tell: the genuine credential is stored, and the file changes. */
    @Test
    void theGenuineCredentialIsImported() throws Exception {
        byte[] file = digest(home.resolve("wallet.db"));

        wallet.importCredential(inputs.genuine().getBytes(java.nio.charset.StandardCharsets.US_ASCII), trusted);

        assertThat(wallet.credentials()).anySatisfy(stored -> assertThat(stored.report().status()).isEqualTo(VerificationStatus.VERIFIED));
        assertThat(digest(home.resolve("wallet.db"))).isNotEqualTo(file);
    }

    private RecordStore openStore() {
        try {
            return new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wallet.db")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] digest(Path file) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(file));
        for (String suffix : new String[] {"-wal", "-journal"}) {
            Path side = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(side)) {
                sha.update(Files.readAllBytes(side));
            }
        }
        return sha.digest();
    }
}
