package nl.learnerwallet.android;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.view.WindowManager;
import android.widget.EditText;
import android.widget.TextView;
import nl.learnerwallet.client.keys.InvalidRecoveryCodeException;
import nl.learnerwallet.client.keys.RecoveryCode;

/**
 * A phone without a wallet: make a new one (and write down its recovery code, shown this once), or
 * restore one from its wallet server with the recovery code.
 */
public final class WelcomeActivity extends Screen {

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        // The recovery code is on this screen: keep it out of screenshots and the recent-apps view.
        getWindow().addFlags(WindowManager.LayoutParams.FLAG_SECURE);
        setContentView(R.layout.activity_welcome);
        findViewById(R.id.create_button).setOnClickListener(view -> create());
        findViewById(R.id.restore_button).setOnClickListener(view -> restore());
        findViewById(R.id.recovery_done_button).setOnClickListener(view -> openWallet());
    }

    private void create() {
        findViewById(R.id.create_button).setEnabled(false);
        showStatus(getString(R.string.creating));
        work(() -> session().create().display(), code -> {
            ((TextView) findViewById(R.id.recovery_code)).setText(code);
            findViewById(R.id.recovery_panel).setVisibility(View.VISIBLE);
            showStatus(getString(R.string.created));
        });
    }

    private void restore() {
        String server = serverAddress(R.id.restore_server);
        if (server == null) {
            return;
        }
        RecoveryCode code;
        try {
            code = RecoveryCode.parse(((EditText) findViewById(R.id.restore_code)).getText().toString());
        } catch (InvalidRecoveryCodeException e) {
            showStatus(getString(R.string.wallet_WRONG_RECOVERY_CODE));
            return;
        }
        showStatus(getString(R.string.restoring));
        work(() -> session().restore(server, code).credentials().size(), count -> {
            showStatus(getResources().getQuantityString(R.plurals.restored, count, count));
            openWallet();
        });
    }

    private void openWallet() {
        startActivity(new Intent(this, WalletActivity.class));
        finish();
    }
}
