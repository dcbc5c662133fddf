package nl.learnerwallet.android;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.view.View;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.ImageView;
import android.widget.Spinner;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;

/**
 * OpenID4VCI offer links open the receive screen, which refuses bad offers with a sentence; every
 * control on every screen has a label TalkBack reads; and the Dutch strings cover the English ones.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35)
public class ReceiveAndAccessibilityTest {

    @Before
    public void newPhone() {
        Phone.fresh();
    }

    @Test
    public void aMalformedOfferLinkIsRefusedInOneSentence() {
        Phone.createWallet();
        ReceiveActivity receive = Phone.open(ReceiveActivity.class, offer("openid-credential-offer://?credential_offer=%7Bnot-json"));
        assertThat(Phone.status(receive)).startsWith("The offer could not be used:");
        assertThat(receive.findViewById(R.id.receive_button).isEnabled()).isFalse();
    }

    @Test
    public void anOfferFromAPrivateAddressIsRefusedBeforeAnythingIsAsked() throws Exception {
        Phone.createWallet();
        String offer = "{\"credential_issuer\":\"https://127.0.0.1:1/issuer\",\"credential_configuration_ids\":[\"badge\"],"
                + "\"grants\":{\"urn:ietf:params:oauth:grant-type:pre-authorized_code\":{\"pre-authorized_code\":\"abc\","
                + "\"tx_code\":{\"input_mode\":\"numeric\",\"length\":4}}}}";
        ReceiveActivity receive = Phone.open(ReceiveActivity.class, offer("openid-credential-offer://?credential_offer="
                + URLEncoder.encode(offer, "UTF-8")));
        assertThat(Phone.status(receive)).startsWith("The offer could not be used:");
        assertThat(receive.findViewById(R.id.receive_button).isEnabled()).isFalse();
    }

    @Test
    public void anOfferLinkPastedOnTheImportScreenGoesToTheReceiveScreen() {
        Phone.createWallet();
        ImportActivity importing = Phone.open(ImportActivity.class);
        Phone.type(importing, R.id.address, "openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fo%2F1");
        Phone.tap(importing, R.id.import_address_button);
        Phone.follow(importing, ReceiveActivity.class);
    }

    @Test
    public void everyControlOnEveryScreenHasALabelForTalkBack() {
        Phone.createWallet();
        String id;
        ImportActivity imported = Phone.shareText(DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, TestIssuer.es256())
                .toHolder(Phone.holderDid()).signed());
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        id = details.getIntent().getStringExtra(WalletActivity.EXTRA_CREDENTIAL_ID);
        List<Activity> screens = new ArrayList<>();
        screens.add(Phone.open(WalletActivity.class));
        screens.add(Phone.open(WelcomeActivity.class));
        screens.add(details);
        screens.add(imported);
        screens.add(Phone.open(ShareActivity.class, new Intent(details, ShareActivity.class)
                .putExtra(ShareActivity.EXTRA_CREDENTIAL_IDS, new String[] {id})));
        screens.add(Phone.open(QrActivity.class, new Intent(details, QrActivity.class)
                .putExtra(QrActivity.EXTRA_TEXT, "https://wallet.example.nl/s/abc").putExtra(QrActivity.EXTRA_LINK, "https://wallet.example.nl/s/abc")));
        screens.add(Phone.open(BackupActivity.class));
        screens.add(Phone.open(SharesActivity.class));
        screens.add(Phone.open(ReceiveActivity.class));
        for (Activity screen : screens) {
            for (View view : Phone.views(screen.getWindow().getDecorView())) {
                String where = screen.getClass().getSimpleName() + " " + view.getClass().getSimpleName() + " " + name(view);
                if (view instanceof EditText) {
                    // An edit field is read by its hint (and label); a description would hide what was typed.
                    assertThat(((EditText) view).getHint()).as(where).isNotNull();
                } else if (view instanceof Button || view instanceof CheckBox || view instanceof ImageView
                        || view instanceof Spinner || (view.isClickable() && !(view instanceof android.widget.TextView))) {
                    // (A selectable text, such as the recovery code or a link, is read out by its text.)
                    if (isControlOfTheApp(view)) {
                        assertThat(view.getContentDescription()).as(where).isNotNull();
                        assertThat(view.getContentDescription().toString()).as(where).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    public void theDutchStringsCoverTheEnglishOnes() throws Exception {
        Set<String> english = names(new File("src/main/res/values/strings.xml"));
        Set<String> dutch = names(new File("src/main/res/values-nl/strings.xml"));
        assertThat(dutch).isEqualTo(english);
        assertThat(english).hasSizeGreaterThan(200);
    }

    @Test
    @Config(sdk = 35, qualifiers = "nl")
    public void inDutchTheWalletSpeaksDutch() {
        WalletActivity wallet = Phone.open(WalletActivity.class);
        WelcomeActivity welcome = Phone.follow(wallet, WelcomeActivity.class);
        assertThat(Phone.screenText(welcome)).contains("Welkom in je Learner Wallet").contains("Terugzetten van je server");
        assertThat(welcome.findViewById(R.id.create_button).getContentDescription().toString())
                .isEqualTo("Een nieuwe, lege wallet op deze telefoon beginnen");
    }

    private static boolean isControlOfTheApp(View view) {
        // Views the framework adds around a screen (the action bar, the decor) are not the app's to label.
        return view.getId() == View.NO_ID ? view.isClickable() && view.getTag() != null
                : !view.getResources().getResourcePackageName(view.getId()).equals("android");
    }

    private static String name(View view) {
        try {
            return view.getId() == View.NO_ID ? String.valueOf(view.getTag()) : view.getResources().getResourceEntryName(view.getId());
        } catch (RuntimeException unnamed) {
            return "?";
        }
    }

    private static Intent offer(String link) {
        return new Intent(Intent.ACTION_VIEW, Uri.parse(link)).setClass(RuntimeEnvironment.getApplication(), ReceiveActivity.class);
    }

    private static Set<String> names(File strings) throws Exception {
        Set<String> out = new TreeSet<>();
        Matcher matcher = Pattern.compile("<(?:string|plurals) name=\"([^\"]+)\"").matcher(
                new String(java.nio.file.Files.readAllBytes(strings.toPath()), StandardCharsets.UTF_8));
        while (matcher.find()) {
            out.add(matcher.group(1));
        }
        return out;
    }
}
