package nl.learnerwallet.android;

import android.os.Bundle;
import android.widget.EditText;
import android.widget.TextView;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;

/**
 * The wallet's server: register this wallet there (no password: the account key, derived from the
 * recovery code, signs every request), back up (only ciphertext leaves the phone), and sync with
 * the learner's other devices. Shares need the server too.
 */
public final class BackupActivity extends Screen {

    private record State(String server, long version) {
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_backup);
        findViewById(R.id.register_button).setOnClickListener(view -> register());
        findViewById(R.id.backup_button).setOnClickListener(view -> synchronise(false));
        findViewById(R.id.sync_button).setOnClickListener(view -> synchronise(true));
    }

    /**
     * A backup (which merges only when another device uploaded first) or a sync (which always
     * fetches and merges); the trust list that comes back with the merge is kept.
     */
    private void synchronise(boolean fetchFirst) {
        work(() -> {
            SyncService sync = new SyncService(session().wallet(), session().server(), session().context());
            SyncService.Outcome outcome = fetchFirst ? sync.sync(session().trustList()) : sync.backup(session().trustList());
            session().saveTrustList(outcome.trustList());
            return outcome;
        }, outcome -> {
            showStatus(fetchFirst ? getString(R.string.synced, outcome.version(), outcome.fromServer(), outcome.deletedOnServer())
                    : getString(R.string.backed_up, outcome.version()));
            refresh();
        });
    }

    @Override
    protected void onResume() {
        super.onResume();
        refresh();
    }

    private void refresh() {
        work(() -> new State(session().wallet().setting(SyncService.SERVER_URL), session().wallet().lastSeenBackupVersion()),
                state -> {
                    TextView text = findViewById(R.id.backup_state);
                    if (state.server() == null) {
                        text.setText(R.string.backup_no_server);
                    } else {
                        text.setText(getString(R.string.backup_server, state.server(), state.version()));
                        EditText field = findViewById(R.id.server);
                        if (field.getText().length() == 0) {
                            field.setText(state.server());
                        }
                    }
                });
    }

    private void register() {
        String url = serverAddress(R.id.server);
        if (url == null) {
            return;
        }
        showStatus(getString(R.string.registering));
        work(() -> {
            Wallet wallet = session().wallet();
            boolean created = new ServerClient(url, wallet.accountKey(), session().context().clock(), session().context().random())
                    .register();
            wallet.putSetting(SyncService.SERVER_URL, url);
            return created;
        }, created -> {
            showStatus(getString(created ? R.string.registered : R.string.already_registered, url));
            refresh();
        });
    }
}
