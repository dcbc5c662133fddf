package nl.learnerwallet.android;

import static org.assertj.core.api.Assertions.assertThat;

import android.widget.CheckBox;
import android.widget.LinearLayout;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.ServerProcess;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * The learner's phone against the real wallet server, launched from its packaged jar on loopback:
 * register, share two credentials, the full-screen QR code decodes (zxing, as a phone camera) to
 * the link the server serves, the share's access log shows the employer's visit, revoking kills the
 * link; and a backup restores on a new phone with only the recovery code.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35)
public class ShareAndBackupTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final TestIssuer issuer = TestIssuer.es256();
    private ServerProcess server;

    @Before
    public void phoneAndServer() throws Exception {
        Phone.fresh();
        File serverFolder = folder.newFolder("server");
        server = new ServerProcess(serverFolder.toPath()).start();
    }

    @After
    public void stopServer() throws InterruptedException {
        server.close();
    }

    @Test
    public void aShareLinkIsShownAsAQrCodeThatDecodesToTheServersPageAndDiesWhenRevoked() throws Exception {
        Phone.createWallet();
        register();
        String holder = Phone.holderDid();
        Phone.shareText(DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed());
        Phone.shareText(DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).signed());

        WalletActivity wallet = Phone.open(WalletActivity.class);
        Phone.tap(wallet, R.id.share_button);
        ShareActivity share = Phone.follow(wallet, ShareActivity.class);
        LinearLayout choices = share.findViewById(R.id.credential_choices);
        assertThat(choices.getChildCount()).isEqualTo(2);
        for (int i = 0; i < choices.getChildCount(); i++) {
            ((CheckBox) choices.getChildAt(i)).setChecked(true);
        }
        Phone.type(share, R.id.label, "Sollicitatie Gemeente Utrecht");
        Phone.tap(share, R.id.create_button);
        QrActivity qr = Phone.follow(share, QrActivity.class);

        String link = Phone.text(qr, R.id.qr_link);
        assertThat(link).startsWith(server.url() + "/s/");
        assertThat(Phone.scanQr(qr)).isEqualTo(link);
        assertThat(qr.getWindow().getAttributes().screenBrightness).isEqualTo(1.0f);
        // The employer opens the link: the server's page, with both credentials.
        assertThat(get(link, "application/json")).contains("Data-analyse met Python");

        SharesActivity shares = Phone.open(SharesActivity.class);
        assertThat(Phone.screenText(shares)).contains("Sollicitatie Gemeente Utrecht").contains("Active").contains("opened 1 time");
        LinearLayout rows = shares.findViewById(R.id.share_list);
        rows.getChildAt(0).performClick();
        ShareDetailActivity detail = Phone.follow(shares, ShareDetailActivity.class);
        assertThat(Phone.text(detail, R.id.share_link)).isEqualTo(link);
        assertThat(Phone.screenText(detail)).contains("Viewed");

        Phone.tap(detail, R.id.revoke_button);
        Phone.confirm();
        assertThat(Phone.status(detail)).isEqualTo("Revoked: the link no longer works.");
        assertThat(Phone.text(detail, R.id.share_state)).startsWith("Revoked");
        assertThat(detail.findViewById(R.id.revoke_button).isEnabled()).isFalse();
        assertThat(status(link)).isNotEqualTo(200);
    }

    @Test
    public void aBackupRestoresOnANewPhoneWithOnlyTheRecoveryCode() throws Exception {
        String code = Phone.createWallet();
        register();
        Phone.shareText(DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, issuer).toHolder(Phone.holderDid()).signed());
        BackupActivity backup = Phone.open(BackupActivity.class);
        Phone.tap(backup, R.id.backup_button);
        assertThat(Phone.status(backup)).startsWith("Backed up as version 1");

        // The phone is lost: a new one has no database, no sealed secrets and an empty Keystore.
        WalletSession.of(backup).close();
        RuntimeEnvironment.getApplication().deleteDatabase(WalletSession.DATABASE);
        RuntimeEnvironment.getApplication().getSharedPreferences("keystore-sealed-secrets", 0).edit().clear().commit();
        Phone.fresh();

        WelcomeActivity welcome = Phone.open(WelcomeActivity.class);
        Phone.type(welcome, R.id.restore_server, server.url());
        Phone.type(welcome, R.id.restore_code, "0000-0000-0000-0000-0000-0000-0000");
        Phone.tap(welcome, R.id.restore_button);
        assertThat(Phone.status(welcome)).isEqualTo("Wrong recovery code.");

        Phone.type(welcome, R.id.restore_code, code.toLowerCase(java.util.Locale.ROOT));
        Phone.tap(welcome, R.id.restore_button);
        assertThat(Phone.status(welcome)).isEqualTo("Restored: 1 credential is back.");
        assertThat(Phone.screenText(Phone.open(WalletActivity.class))).contains("Microcredential");
    }

    @Test
    public void sharingWithoutAServerSaysToRegisterFirst() {
        Phone.createWallet();
        Phone.shareText(DutchCredentials.of(Shape.DIPLOMA, issuer).toHolder(Phone.holderDid()).signed());
        ShareActivity share = Phone.open(ShareActivity.class);
        ((CheckBox) ((LinearLayout) share.findViewById(R.id.credential_choices)).getChildAt(0)).setChecked(true);
        Phone.tap(share, R.id.create_button);
        assertThat(Phone.status(share)).isEqualTo(
                "This wallet has no server yet; register it with one on the Backup screen first.");
    }

    private void register() {
        BackupActivity backup = Phone.open(BackupActivity.class);
        Phone.type(backup, R.id.server, server.url() + "/");
        Phone.tap(backup, R.id.register_button);
        assertThat(Phone.status(backup)).isEqualTo("Registered with " + server.url() + ".");
    }

    private static String get(String url, String accept) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestProperty("Accept", accept);
        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int status(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestProperty("Accept", "application/json");
        return connection.getResponseCode();
    }
}
