package nl.learnerwallet.android;

import static org.assertj.core.api.Assertions.assertThat;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.app.AlertDialog;
import android.content.Intent;
import android.os.Looper;
import android.view.View;
import android.view.ViewGroup;
import android.widget.EditText;
import android.widget.TextView;
import org.robolectric.RuntimeEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.robolectric.Robolectric;
import org.robolectric.shadows.ShadowDialog;

/**
 * The learner's hands on the app in Robolectric: starts screens, types, taps, reads what they
 * say, and follows the screen a tap opens. Wallet work runs inline, so a tap's effect is complete
 * when the tap returns.
 */
final class Phone {

    private Phone() {
    }

    /** A new phone: an empty Keystore and the wallet's work on the test's thread. */
    static void fresh() {
        SoftwareAndroidKeyStore.install();
        Background.runInline();
    }

    static <A extends Activity> A open(Class<A> screen) {
        return open(screen, new Intent(RuntimeEnvironment.getApplication(), screen));
    }

    static <A extends Activity> A open(Class<A> screen, Intent intent) {
        A activity = Robolectric.buildActivity(screen, intent).setup().get();
        idle();
        return activity;
    }

    /** The screen the last tap on {@code from} started, opened as Android would. */
    @SuppressWarnings("unchecked")
    static <A extends Activity> A follow(Activity from, Class<A> expected) {
        Intent next = shadowOf(from).getNextStartedActivity();
        View status = from.findViewById(R.id.status);
        assertThat(next).as("a screen was started from " + from.getClass().getSimpleName()
                + (status instanceof TextView ? ", which says: " + ((TextView) status).getText() : "")).isNotNull();
        assertThat(next.getComponent().getClassName()).isEqualTo(expected.getName());
        return open(expected, next);
    }

    static void tap(Activity activity, int id) {
        View view = activity.findViewById(id);
        assertThat(view.isEnabled()).as("enabled: " + activity.getResources().getResourceEntryName(id)).isTrue();
        view.performClick();
        idle();
    }

    static void type(Activity activity, int id, String text) {
        ((EditText) activity.findViewById(id)).setText(text);
    }

    static String text(Activity activity, int id) {
        return ((TextView) activity.findViewById(id)).getText().toString();
    }

    static String status(Activity activity) {
        return text(activity, R.id.status);
    }

    /** Taps the positive button of the dialog on screen (delete, revoke). */
    static void confirm() {
        AlertDialog dialog = (AlertDialog) ShadowDialog.getLatestDialog();
        assertThat(dialog).as("a confirmation dialog").isNotNull();
        dialog.getButton(AlertDialog.BUTTON_POSITIVE).performClick();
        idle();
    }

    static void idle() {
        shadowOf(Looper.getMainLooper()).idle();
    }

    /** Every view under the root, depth first. */
    static List<View> views(View root) {
        List<View> out = new ArrayList<>();
        out.add(root);
        if (root instanceof ViewGroup) {
            ViewGroup group = (ViewGroup) root;
            for (int i = 0; i < group.getChildCount(); i++) {
                out.addAll(views(group.getChildAt(i)));
            }
        }
        return out;
    }

    /** Every text on the screen, one per line: what a sighted learner reads. */
    static String screenText(Activity activity) {
        StringBuilder out = new StringBuilder();
        for (View view : views(activity.getWindow().getDecorView())) {
            if (view instanceof TextView && view.getVisibility() == View.VISIBLE && !(view instanceof EditText)) {
                out.append(((TextView) view).getText()).append('\n');
            }
        }
        return out.toString();
    }

    /** Makes a wallet as a learner does: start, write down the recovery code, open the wallet. */
    static String createWallet() {
        WelcomeActivity welcome = open(WelcomeActivity.class);
        tap(welcome, R.id.create_button);
        String code = text(welcome, R.id.recovery_code);
        assertThat(code).as(status(welcome)).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){6}");
        tap(welcome, R.id.recovery_done_button);
        assertThat(shadowOf(welcome).getNextStartedActivity().getComponent().getClassName())
                .isEqualTo(WalletActivity.class.getName());
        return code;
    }

    /** What another app's "share" with the wallet does: ACTION_SEND with the text. */
    static ImportActivity shareText(String text) {
        Intent send = new Intent(Intent.ACTION_SEND).setType("text/plain").putExtra(Intent.EXTRA_TEXT, text)
                .setClass(RuntimeEnvironment.getApplication(), ImportActivity.class);
        return open(ImportActivity.class, send);
    }

    static ImportActivity shareFile(java.io.File file, String mimeType) {
        Intent send = new Intent(Intent.ACTION_SEND).setType(mimeType)
                .putExtra(Intent.EXTRA_STREAM, android.net.Uri.fromFile(file))
                .setClass(RuntimeEnvironment.getApplication(), ImportActivity.class);
        return open(ImportActivity.class, send);
    }

    /** Reads the QR code on screen as a phone camera app would: zxing over the pixels. */
    static String scanQr(QrActivity qr) throws Exception {
        android.graphics.Bitmap bitmap = ((android.graphics.drawable.BitmapDrawable) ((android.widget.ImageView) qr.findViewById(R.id.qr_image))
                .getDrawable()).getBitmap();
        int[] pixels = new int[bitmap.getWidth() * bitmap.getHeight()];
        bitmap.getPixels(pixels, 0, bitmap.getWidth(), 0, 0, bitmap.getWidth(), bitmap.getHeight());
        com.google.zxing.RGBLuminanceSource source = new com.google.zxing.RGBLuminanceSource(bitmap.getWidth(), bitmap.getHeight(), pixels);
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(source))).getText();
    }

    static String holderDid() {
        return WalletSession.of(RuntimeEnvironment.getApplication()).wallet().holderDid();
    }
}
