package nl.learnerwallet.android;

import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.Color;
import android.graphics.drawable.BitmapDrawable;
import android.os.Bundle;
import android.view.View;
import android.view.WindowManager;
import android.widget.ImageView;
import android.widget.TextView;
import nl.learnerwallet.client.share.QrCodes;

/**
 * A QR code full screen, for an employer's phone to scan: the screen at full brightness and kept
 * on, the code drawn with whole pixels per module (no blur), the link written under it and a button
 * to send the link instead. An offline QR code carries the presentation itself and has no link.
 */
public final class QrActivity extends Screen {

    static final String EXTRA_TEXT = "nl.learnerwallet.android.QR_TEXT";
    static final String EXTRA_LINK = "nl.learnerwallet.android.QR_LINK";
    static final String EXTRA_OFFLINE = "nl.learnerwallet.android.QR_OFFLINE";
    static final String EXTRA_CAPTION = "nl.learnerwallet.android.QR_CAPTION";

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        WindowManager.LayoutParams window = getWindow().getAttributes();
        window.screenBrightness = WindowManager.LayoutParams.BRIGHTNESS_OVERRIDE_FULL;
        getWindow().setAttributes(window);
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_KEEP_SCREEN_ON);
        setContentView(R.layout.activity_qr);
        String text = getIntent().getStringExtra(EXTRA_TEXT);
        String link = getIntent().getStringExtra(EXTRA_LINK);
        boolean offline = getIntent().getBooleanExtra(EXTRA_OFFLINE, false);
        if (text == null) {
            showStatus(getString(R.string.qr_nothing));
            return;
        }
        ImageView image = findViewById(R.id.qr_image);
        BitmapDrawable drawable = new BitmapDrawable(getResources(), bitmap(offline ? QrCodes.encodeOffline(text)
                : QrCodes.encode(text)));
        drawable.setFilterBitmap(false);
        image.setImageDrawable(drawable);
        image.setContentDescription(getString(offline ? R.string.describe_qr_offline : R.string.describe_qr_link));
        ((TextView) findViewById(R.id.qr_caption)).setText(getIntent().getStringExtra(EXTRA_CAPTION));
        TextView linkText = findViewById(R.id.qr_link);
        View send = findViewById(R.id.send_link_button);
        if (link == null) {
            linkText.setVisibility(View.GONE);
            send.setVisibility(View.GONE);
        } else {
            linkText.setText(link);
            send.setOnClickListener(view -> startActivity(Intent.createChooser(
                    new Intent(Intent.ACTION_SEND).setType("text/plain").putExtra(Intent.EXTRA_TEXT, link),
                    getString(R.string.action_send_link))));
        }
    }

    /** The modules as pixels, as many whole pixels per module as fit the screen's shorter side. */
    private Bitmap bitmap(boolean[][] modules) {
        int size = modules.length;
        int screen = Math.min(getResources().getDisplayMetrics().widthPixels, getResources().getDisplayMetrics().heightPixels);
        int scale = Math.max(1, screen / size);
        int side = size * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            boolean[] row = modules[y / scale];
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = row[x / scale] ? Color.BLACK : Color.WHITE;
            }
        }
        return Bitmap.createBitmap(pixels, side, side, Bitmap.Config.ARGB_8888);
    }
}
