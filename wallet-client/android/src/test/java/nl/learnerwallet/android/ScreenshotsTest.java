package nl.learnerwallet.android;

import static org.assertj.core.api.Assertions.assertThat;

import android.app.Activity;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

/**
 * The main screens drawn with Android's real graphics (Robolectric's native mode) into
 * {@code target/screenshots/}, on a phone-sized screen: for people to look at what the app shows.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 35, qualifiers = "w411dp-h891dp-xhdpi")
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class ScreenshotsTest {

    private final TestIssuer issuer = TestIssuer.es256();

    @Before
    public void newPhone() {
        Phone.fresh();
    }

    @Test
    public void theWalletAndACredentialAreDrawn() throws Exception {
        Phone.createWallet();
        String holder = Phone.holderDid();
        Phone.shareText(DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, issuer).toHolder(holder).signed());
        Phone.shareText(DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).signed());
        Phone.shareText(DutchCredentials.of(Shape.DIPLOMA, issuer).toHolder(holder).signed());
        ImportActivity imported = Phone.shareText(DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed());
        save(imported, "import");
        Phone.tap(imported, R.id.open_button);
        CredentialActivity details = Phone.follow(imported, CredentialActivity.class);
        Phone.tap(details, R.id.trust_button);
        save(details, "credential");
        save(Phone.open(WalletActivity.class), "wallet");
    }

    private static void save(Activity activity, String name) throws Exception {
        View root = activity.getWindow().getDecorView();
        Bitmap bitmap = Bitmap.createBitmap(root.getWidth(), root.getHeight(), Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(bitmap));
        File folder = new File("target/screenshots");
        assertThat(folder.isDirectory() || folder.mkdirs()).isTrue();
        try (OutputStream out = new FileOutputStream(new File(folder, "android-" + name + ".png"))) {
            assertThat(bitmap.compress(Bitmap.CompressFormat.PNG, 100, out)).isTrue();
        }
    }
}
