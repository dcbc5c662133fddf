package nl.learnerwallet.android;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;

/**
 * The learner's wallet on the phone: credentials come in through other apps' "share" (text, a JWT
 * file, a baked PNG badge), the list groups them by kind with their status, the details show the
 * EU standard elements and the checks, trusting the issuer makes them genuine, and bad input gets
 * one sentence and stores nothing.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35)
public class WalletScreensTest {

    @Rule
    public TemporaryFolder files = new TemporaryFolder();

    private final TestIssuer issuer = TestIssuer.es256();

    @Before
    public void newPhone() {
        Phone.fresh();
    }

    @Test
    public void aNewPhoneStartsAtTheWelcomeScreenAndTheWalletOpensAfterTheRecoveryCodeIsShownOnce() {
        WalletActivity wallet = Phone.open(WalletActivity.class);
        Phone.follow(wallet, WelcomeActivity.class);
        Phone.createWallet();
        WalletActivity opened = Phone.open(WalletActivity.class);
        assertThat(Phone.screenText(opened)).contains("Your wallet is empty");
        // The passphrase that unlocks the store is sealed by the Keystore, never stored in clear.
        String sealed = opened.getSharedPreferences("keystore-sealed-secrets", 0).getString(WalletSession.PASSPHRASE_ALIAS, null);
        assertThat(sealed).isNotNull();
        WalletSession.of(opened).close();
        assertThat(Phone.holderDid()).startsWith("did:jwk:");
    }

    @Test
    public void startingANewWalletOverAnExistingOneIsRefusedAndTheWalletKeepsItsCredentials() {
        Phone.createWallet();
        Phone.shareText(DutchCredentials.of(Shape.WO_MICROCREDENTIAL, issuer).toHolder(Phone.holderDid()).signed());
        WelcomeActivity welcome = Phone.open(WelcomeActivity.class);
        Phone.tap(welcome, R.id.create_button);
        assertThat(Phone.status(welcome)).isEqualTo("A wallet already exists here.");
        WalletSession.of(welcome).close();
        assertThat(Phone.screenText(Phone.open(WalletActivity.class))).contains("Microcredential");
    }

    @Test
    public void sharedCredentialsAreListedGroupedByKindWithTheirStatus() throws Exception {
        Phone.createWallet();
        String holder = Phone.holderDid();
        String hbo = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        ImportActivity first = Phone.shareText(hbo);
        assertThat(Phone.status(first)).startsWith("Added “Data-analyse met Python”: Microcredential,");

        File badge = files.newFile("badge.jwt");
        Files.write(badge.toPath(), DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).signed().getBytes("UTF-8"));
        ImportActivity second = Phone.shareFile(badge, "application/jwt");
        assertThat(Phone.status(second)).contains("Badge");

        File baked = files.newFile("diploma.png");
        Files.write(baked.toPath(), BadgeBaker.png("openbadgecredential",
                DutchCredentials.of(Shape.DIPLOMA, issuer).toHolder(holder).signed()));
        ImportActivity third = Phone.shareFile(baked, "image/png");
        assertThat(Phone.status(third)).contains("Diploma");

        WalletActivity wallet = Phone.open(WalletActivity.class);
        String screen = Phone.screenText(wallet);
        assertThat(screen).contains("Microcredential\n").contains("Badge\n").contains("Diploma\n")
                .contains("Data-analyse met Python");
        // Signed and unaltered, but the issuer is not on the trust list yet.
        assertThat(screen).contains("Signature valid, but the issuer is not on your trust list");
        assertThat(screen.indexOf("Microcredential\n")).isLessThan(screen.indexOf("Badge\n"));
        assertThat(screen.indexOf("Badge\n")).isLessThan(screen.indexOf("Diploma\n"));
    }

    @Test
    public void theDetailsShowTheEuElementsAndChecksAndTrustingTheIssuerMakesItGenuine() {
        Phone.createWallet();
        String hbo = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(Phone.holderDid()).signed();
        ImportActivity imported = Phone.shareText(hbo);
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        String screen = Phone.screenText(details);
        assertThat(screen).contains("EU standard elements").contains("✓ learning outcomes").contains("✓ notional workload")
                .contains("EQF 6").contains("5 EC").contains("Checks").contains("Signature: passed")
                .contains("Issuer trusted: failed (the issuer is not on your trust list)");

        Phone.tap(details, R.id.trust_button);
        assertThat(Phone.screenText(details)).contains("Genuine").contains("Issuer trusted: passed");
        assertThat(Phone.text(details, R.id.trust_button)).isEqualTo("Untrust");
    }

    @Test
    public void anSdJwtIsShownAsAnOfflineQrCodeWithOnlyTheClaimsTheLearnerTicked() throws Exception {
        Phone.createWallet();
        String did = Phone.holderDid();
        com.nimbusds.jose.jwk.JWK holder = com.nimbusds.jose.jwk.JWK.parse(new String(java.util.Base64.getUrlDecoder()
                .decode(did.substring("did:jwk:".length())), java.nio.charset.StandardCharsets.UTF_8));
        ImportActivity imported = Phone.shareText(new SdJwtIssuer(issuer).microcredential(holder).issue());
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        Phone.tap(details, R.id.offline_button);
        ShareActivity offline = Phone.follow(details, ShareActivity.class);
        android.widget.LinearLayout claims = offline.findViewById(R.id.claim_choices);
        assertThat(claims.getChildCount()).isGreaterThan(5);
        for (int i = 0; i < claims.getChildCount(); i++) {
            android.widget.CheckBox claim = (android.widget.CheckBox) claims.getChildAt(i);
            assertThat(claim.isChecked()).as("nothing is shown unless ticked: " + claim.getText()).isFalse();
            if (claim.getText().equals("achievement_title") || claim.getText().equals("level")) {
                claim.setChecked(true);
            }
        }
        Phone.tap(offline, R.id.create_button);
        QrActivity qr = Phone.follow(offline, QrActivity.class);
        String presentation = nl.learnerwallet.model.presentation.OfflinePresentation.decode(Phone.scanQr(qr));
        String disclosed = disclosures(presentation);
        assertThat(disclosed).contains("Circulaire bouwtechniek").doesNotContain("Daan").doesNotContain("7.5");
        assertThat(qr.findViewById(R.id.qr_link).getVisibility()).isEqualTo(android.view.View.GONE);
        assertThat(Phone.text(qr, R.id.qr_caption)).startsWith("Offline QR code, checked without a network");
    }

    @Test
    public void aPresentationTooLargeForAnOfflineQrCodeIsRefusedInOneSentence() {
        Phone.createWallet();
        ImportActivity imported = Phone.shareText(DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(Phone.holderDid()).signed());
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        Phone.tap(details, R.id.offline_button);
        ShareActivity offline = Phone.follow(details, ShareActivity.class);
        Phone.tap(offline, R.id.create_button);
        assertThat(Phone.status(offline)).contains("more than").endsWith(".");
        assertThat(offline.findViewById(R.id.create_button).isEnabled()).isTrue();
    }

    /** The decoded disclosures of an SD-JWT presentation, as text. */
    private static String disclosures(String presentation) {
        StringBuilder out = new StringBuilder();
        String[] parts = presentation.split("~");
        for (int i = 1; i < parts.length - 1; i++) {
            out.append(new String(java.util.Base64.getUrlDecoder().decode(parts[i]), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Test
    public void somethingThatIsNoCredentialGetsOneSentenceAndNothingIsStored() {
        Phone.createWallet();
        ImportActivity garbage = Phone.shareText("this is not a credential");
        assertThat(Phone.status(garbage)).startsWith("This is not something the wallet can add:").doesNotContain("Exception");

        String tampered = DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(Phone.holderDid()).signed();
        tampered = tampered.substring(0, tampered.length() - 4) + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
        ImportActivity refused = Phone.shareText(tampered);
        assertThat(Phone.status(refused)).startsWith("The credential was refused");

        ImportActivity nothing = Phone.open(ImportActivity.class, new android.content.Intent(android.content.Intent.ACTION_SEND)
                .setClass(garbage, ImportActivity.class));
        assertThat(Phone.status(nothing)).isEqualTo("The other app shared nothing the wallet can read.");
        assertThat(Phone.screenText(Phone.open(WalletActivity.class))).contains("Your wallet is empty");
    }

    @Test
    public void deletingACredentialAsksFirst() {
        Phone.createWallet();
        ImportActivity imported = Phone.shareText(DutchCredentials.of(Shape.EXTRACURRICULAR_BADGE, issuer)
                .toHolder(Phone.holderDid()).signed());
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        Phone.tap(details, R.id.delete_button);
        Phone.confirm();
        assertThat(details.isFinishing()).isTrue();
        assertThat(Phone.screenText(Phone.open(WalletActivity.class))).contains("Your wallet is empty");
    }
}
