package nl.learnerwallet.android;

import android.app.AlertDialog;
import android.content.Intent;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.time.Instant;
import java.util.List;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.sync.ServerClient;

/**
 * One share: its credentials, state and link, its QR code again, when it was opened (and by what
 * kind of browser: the server keeps no addresses), and revoking it, after which the link dies at once.
 */
public final class ShareDetailActivity extends Screen {

    private String shareId;
    private ShareLinks.ShareLink link;

    private record Loaded(ShareLinks.ShareLink link, ServerClient.ShareState state, List<ServerClient.ShareViewEntry> log) {
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_share_detail);
        shareId = getIntent().getStringExtra(SharesActivity.EXTRA_SHARE_ID);
        findViewById(R.id.show_qr_button).setOnClickListener(view -> {
            if (link != null) {
                startActivity(new Intent(this, QrActivity.class).putExtra(QrActivity.EXTRA_TEXT, link.url())
                        .putExtra(QrActivity.EXTRA_LINK, link.url()));
            }
        });
        findViewById(R.id.revoke_button).setOnClickListener(view -> confirmRevoke());
    }

    @Override
    protected void onResume() {
        super.onResume();
        load();
    }

    private void load() {
        work(() -> {
            ShareLinks.ShareLink found = new ShareLinks(session().wallet(), null, session().context()).find(shareId);
            ServerClient server = session().server();
            return new Loaded(found, server.share(found.id()), server.shareLog(found.id()));
        }, this::show);
    }

    private void show(Loaded loaded) {
        link = loaded.link();
        String titles = String.join(", ", link.titles());
        ((TextView) findViewById(R.id.share_titles)).setText(link.label() == null ? titles : link.label() + ": " + titles);
        ((TextView) findViewById(R.id.share_state)).setText(Texts.shareState(this, loaded.state().state(),
                loaded.state().views(), link.expiresAt()));
        ((TextView) findViewById(R.id.share_link)).setText(link.url());
        boolean active = "ACTIVE".equals(loaded.state().state());
        findViewById(R.id.revoke_button).setEnabled(active);
        findViewById(R.id.show_qr_button).setEnabled(active);
        LinearLayout log = findViewById(R.id.share_log);
        log.removeAllViews();
        if (loaded.log().isEmpty()) {
            log.addView(line(getString(R.string.share_not_opened), 15, false));
        }
        for (ServerClient.ShareViewEntry entry : loaded.log()) {
            log.addView(line(Texts.dateTime(this, Instant.ofEpochSecond(entry.at())) + " · " + Texts.viewKind(this, entry.kind())
                    + (entry.browser() == null || entry.browser().isEmpty() ? "" : " · " + entry.browser()), 15, false));
        }
    }

    private void confirmRevoke() {
        new AlertDialog.Builder(this)
                .setMessage(R.string.confirm_revoke)
                .setPositiveButton(R.string.action_revoke, (dialog, which) -> work(() -> session().server().revokeShare(shareId),
                        state -> {
                            showStatus(getString(R.string.share_revoked));
                            load();
                        }))
                .setNegativeButton(R.string.action_cancel, null)
                .show();
    }
}
