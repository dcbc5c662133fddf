package nl.learnerwallet.client.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.store.StoredRecord;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @TempDir
    Path home;

    private final TestIssuer issuer = TestIssuer.es256();
    private final WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            IssuerKeys.offline());
    private TrustList trusted;
    private Wallet wallet;
    private String recoveryCode;

    @BeforeEach
    void createWallet() {
        Wallet.Created created = Wallet.create(openStore(), PASSPHRASE, context);
        wallet = created.wallet();
        recoveryCode = created.recoveryCode().display();
        trusted = TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "test", NOW));
    }

    @AfterEach
    void closeWallet() {
        wallet.close();
    }

    private RecordStore openStore() {
        try {
            return new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve("wallet.db")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] credentialToHolder(Shape shape) {
        return DutchCredentials.of(shape, issuer).toHolder(wallet.holderDid()).signed().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givesTheHolderADidJwk() {
        assertThat(wallet.holderDid()).startsWith("did:jwk:");
    }

    @Test
    void unlocksWithThePassphraseAndKeepsTheHolderKey() {
        String holder = wallet.holderDid();
        wallet.close();
        wallet = Wallet.unlock(openStore(), PASSPHRASE, context);
        assertThat(wallet.holderDid()).isEqualTo(holder);
    }

    @Test
    void refusesAWrongPassphrase() {
        wallet.close();
        RecordStore store = openStore();
        assertThatThrownBy(() -> Wallet.unlock(store, "wrong passphrase".toCharArray(), context))
                .isInstanceOfSatisfying(WalletException.class,
                        e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.WRONG_PASSPHRASE));
        wallet = Wallet.unlock(store, PASSPHRASE, context);
    }

    @Test
    void refusesAShortPassphraseAndWritesNothing() {
        Path other = home.resolve("other.db");
        assertThatThrownBy(() -> {
            try (RecordStore store = new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + other))) {
                Wallet.create(store, "short".toCharArray(), context);
            }
        }).isInstanceOfSatisfying(WalletException.class,
                e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.WEAK_PASSPHRASE));
        try (RecordStore store = new SqliteJdbcRecordStore(DriverManagerConnection.open(other))) {
            assertThat(Wallet.exists(store)).isFalse();
        }
    }

    @Test
    void resetsAForgottenPassphraseWithTheRecoveryCode() {
        String id = wallet.importCredential(credentialToHolder(Shape.HBO_MICROCREDENTIAL), trusted).credential().id();
        wallet.close();
        char[] fresh = "a brand new passphrase".toCharArray();
        wallet = Wallet.resetPassphrase(openStore(), recoveryCode, fresh, context);
        wallet.close();
        RecordStore store = openStore();
        assertThatThrownBy(() -> Wallet.unlock(store, PASSPHRASE, context)).isInstanceOf(WalletException.class);
        wallet = Wallet.unlock(store, fresh, context);
        assertThat(wallet.credential(id).card().title()).isEqualTo("Data-analyse met Python");
    }

    @Test
    void refusesAWrongRecoveryCodeAndKeepsTheOldPassphrase() {
        wallet.close();
        RecordStore store = openStore();
        String otherCode = nl.learnerwallet.client.keys.RecoveryCode.generate(new SecureRandom()).display();
        assertThatThrownBy(() -> Wallet.resetPassphrase(store, otherCode, "another passphrase".toCharArray(), context))
                .isInstanceOfSatisfying(WalletException.class,
                        e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.WRONG_RECOVERY_CODE));
        assertThatThrownBy(() -> Wallet.resetPassphrase(store, "NOT-A-CODE", "another passphrase".toCharArray(), context))
                .isInstanceOfSatisfying(WalletException.class,
                        e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.WRONG_RECOVERY_CODE));
        wallet = Wallet.unlock(store, PASSPHRASE, context);
    }

    @Test
    void importsAndVerifiesAMicrocredentialIssuedToTheHolder() {
        ImportResult result = wallet.importCredential(credentialToHolder(Shape.HBO_MICROCREDENTIAL), trusted);
        assertThat(result.alreadyPresent()).isFalse();
        assertThat(result.credential().report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.credential().card().kind()).isEqualTo(CredentialKind.MICROCREDENTIAL);
        assertThat(wallet.credentials()).hasSize(1);
    }

    @Test
    void keepsTheOriginalBytesVerbatim() {
        byte[] original = credentialToHolder(Shape.WO_MICROCREDENTIAL);
        String id = wallet.importCredential(original, trusted).credential().id();
        assertThat(wallet.credential(id).original()).isEqualTo(original);
    }

    @Test
    void importingTheSameCredentialTwiceKeepsOneCopy() {
        byte[] original = credentialToHolder(Shape.REGULAR_BADGE);
        wallet.importCredential(original, trusted);
        assertThat(wallet.importCredential(original, trusted).alreadyPresent()).isTrue();
        assertThat(wallet.credentials()).hasSize(1);
    }

    @Test
    void storesExpiredAndNotYetValidCredentialsWithTheirStatus() {
        byte[] expired = DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(wallet.holderDid())
                .validFrom(NOW.minusSeconds(86400 * 800)).validUntil(NOW.minusSeconds(86400)).signed()
                .getBytes(StandardCharsets.UTF_8);
        byte[] future = DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(wallet.holderDid())
                .validFrom(NOW.plusSeconds(86400 * 30)).validUntil(NOW.plusSeconds(86400 * 800)).signed()
                .getBytes(StandardCharsets.UTF_8);
        StoredCredential old = wallet.importCredential(expired, trusted).credential();
        StoredCredential early = wallet.importCredential(future, trusted).credential();
        assertThat(old.report().status()).isEqualTo(VerificationStatus.EXPIRED);
        assertThat(early.report().check(nl.learnerwallet.model.verify.CheckId.VALIDITY).reason())
                .isEqualTo(Reason.NOT_YET_VALID);
        assertThat(wallet.credentials()).hasSize(2);
    }

    @Test
    void refusesATamperedCredentialAndStoresNothing() {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(wallet.holderDid()).signed();
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Data-analyse met Python", "Data-analyse met Python (cum laude)");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> wallet.importCredential(tampered.getBytes(StandardCharsets.UTF_8), trusted))
                .isInstanceOfSatisfying(CredentialRefusedException.class,
                        e -> assertThat(e.report().status()).isEqualTo(VerificationStatus.TAMPERED));
        assertThat(wallet.credentials()).isEmpty();
    }

    @Test
    void refusesInputThatHoldsNoCredential() {
        assertThatThrownBy(() -> wallet.importCredential("{\"hello\":1}".getBytes(StandardCharsets.UTF_8), trusted))
                .isInstanceOf(UntrustedInputException.class);
        assertThat(wallet.credentials()).isEmpty();
    }

    @Test
    void addingTheRecipientsEmailMakesACredentialMatch() {
        byte[] toEmail = DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, issuer).toEmail("learner@student.example.nl")
                .signed().getBytes(StandardCharsets.UTF_8);
        StoredCredential imported = wallet.importCredential(toEmail, trusted).credential();
        assertThat(imported.report().status()).isEqualTo(VerificationStatus.NOT_RECIPIENT);

        assertThat(wallet.addIdentity(Identity.parse("Learner@Student.example.nl"), trusted)).isTrue();

        assertThat(wallet.credential(imported.id()).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(wallet.addIdentity(Identity.parse("learner@student.example.nl"), trusted)).isFalse();
    }

    @Test
    void deletionLeavesATombstone() {
        String id = wallet.importCredential(credentialToHolder(Shape.DIPLOMA), trusted).credential().id();
        assertThat(wallet.delete(id)).isTrue();
        assertThat(wallet.credentials()).isEmpty();
        try (RecordStore store = openStore()) {
            StoredRecord tombstone = store.get(Wallet.CREDENTIAL, id);
            assertThat(tombstone.deleted()).isTrue();
            assertThat(tombstone.payload()).isNull();
        }
        assertThatThrownBy(() -> wallet.credential(id)).isInstanceOfSatisfying(WalletException.class,
                e -> assertThat(e.problem()).isEqualTo(WalletException.Problem.UNKNOWN_CREDENTIAL));
    }

    @Test
    void findsACredentialByTheStartOfItsId() {
        String id = wallet.importCredential(credentialToHolder(Shape.DIPLOMA), trusted).credential().id();
        assertThat(wallet.credential(id.substring(0, 4)).id()).isEqualTo(id);
    }

    @Test
    void theDatabaseFilesHoldNoPersonalContentOrKeysInClear() throws IOException {
        wallet.addIdentity(Identity.parse("learner@student.example.nl"), trusted);
        wallet.importCredential(credentialToHolder(Shape.HBO_MICROCREDENTIAL), trusted);
        String privateScalar = new String(wallet.holderKey().toPrivateJwk(), StandardCharsets.UTF_8)
                .replaceAll(".*\"d\":\"([^\"]+)\".*", "$1");
        wallet.close();
        StringBuilder everything = new StringBuilder();
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(everything.toString())
                .doesNotContain("learner@student.example.nl")
                .doesNotContain("Data-analyse")
                .doesNotContain("Hogeschool")
                .doesNotContain(privateScalar)
                .doesNotContain("eyJ");
        wallet = Wallet.unlock(openStore(), PASSPHRASE, context);
    }

    /** Opens a JDBC connection, for tests that need a second store on another file. */
    static final class DriverManagerConnection {
        static java.sql.Connection open(Path file) {
            try {
                return DriverManager.getConnection("jdbc:sqlite:" + file);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
