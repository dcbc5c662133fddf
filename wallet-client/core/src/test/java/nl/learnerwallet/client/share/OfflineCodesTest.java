package nl.learnerwallet.client.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import nl.learnerwallet.client.store.SqliteJdbcRecordStore;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCodesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    @TempDir
    Path home;

    private final WalletContext context = new WalletContext(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom(),
            IssuerKeys.offline());

    @Test
    void anSdJwtShowingAFewClaimsFitsAnOfflineCodeForWhoeverScansItUntilItExpires() throws Exception {
        try (Wallet wallet = newWallet("a.db")) {
            JWK holder = JWK.parse(new String(Base64.getUrlDecoder().decode(wallet.holderDid().substring("did:jwk:".length())),
                    StandardCharsets.UTF_8));
            String issued = new SdJwtIssuer(TestIssuer.es256()).microcredential(holder).issue();
            StoredCredential credential = wallet.importCredential(issued.getBytes(StandardCharsets.US_ASCII), TrustList.empty())
                    .credential();

            OfflineCodes.OfflineCode code = OfflineCodes.make(wallet, credential, Arrays.asList("achievement_title", "level"),
                    NOW, Duration.ofDays(7), context.random());

            assertThat(code.fits()).as("version %d", code.version()).isTrue();
            assertThat(code.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(code.modules().length).isEqualTo(17 + 4 * code.version() + 8);
            String presentation = OfflinePresentation.decode(code.text());
            String keyBinding = presentation.substring(presentation.lastIndexOf('~') + 1);
            assertThat(CompactJws.parse(keyBinding, 64 * 1024).payload().path("aud").asText()).isEqualTo(OfflineCodes.AUDIENCE);
        }
    }

    @Test
    void aVcJwtIsFoundTooLargeRatherThanDrawnUnreadable() throws Exception {
        try (Wallet wallet = newWallet("b.db")) {
            String token = DutchCredentials.of(DutchCredentials.Shape.REGULAR_BADGE, TestIssuer.es256())
                    .toHolder(wallet.holderDid()).signed();
            StoredCredential credential = wallet.importCredential(token.getBytes(StandardCharsets.US_ASCII), TrustList.empty())
                    .credential();

            OfflineCodes.OfflineCode code = OfflineCodes.make(wallet, credential, Collections.<String>emptyList(), NOW,
                    Duration.ofDays(7), context.random());

            // Enveloped in a holder-signed vp+jwt it is base64url twice over, and compresses too little.
            assertThat(code.fits()).isFalse();
        }
    }

    private Wallet newWallet(String file) throws Exception {
        return Wallet.create(new SqliteJdbcRecordStore(DriverManager.getConnection("jdbc:sqlite:" + home.resolve(file))),
                "correct horse battery".toCharArray(), context).wallet();
    }

    @Test
    void onlyFormatsThatCarryTheirOwnSignatureFit() {
        assertThat(OfflineCodes.supports(CredentialFormat.OB3_JWT)).isTrue();
        assertThat(OfflineCodes.supports(CredentialFormat.SD_JWT_VC)).isTrue();
        assertThat(OfflineCodes.supports(CredentialFormat.OB2_HOSTED)).isFalse();
        assertThat(OfflineCodes.supports(CredentialFormat.SELF_DECLARED)).isFalse();
    }

    @Test
    void refusesAFormatThatDoesNotFit() throws Exception {
        try (Wallet wallet = newWallet("c.db")) {
            StoredCredential work = wallet.addWorkExperience(new nl.learnerwallet.model.attestation.WorkExperience("Gemeente Utrecht",
                    "Data-analist", java.time.YearMonth.of(2021, 9), java.time.YearMonth.of(2024, 6), null,
                    Collections.<String>emptyList()));

            assertThatThrownBy(() -> OfflineCodes.make(wallet, work, Collections.<String>emptyList(), NOW, Duration.ofDays(1),
                    context.random())).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
