package nl.learnerwallet.android;

import android.content.Intent;
import android.os.Bundle;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.ServerException;

/**
 * The learner's shares, newest first, each with its real state on the server (active, expired,
 * revoked, used up) and how often it was opened. A share opens its details: the link, its QR code,
 * the access log, and revoking it. Without the server the shares are still listed, without state.
 */
public final class SharesActivity extends Screen {

    static final String EXTRA_SHARE_ID = "nl.learnerwallet.android.SHARE_ID";

    /** A share as listed: what the wallet remembers, and the server's state of it (null when unknown). */
    record Listed(ShareLinks.ShareLink link, ServerClient.ShareState state) {
    }

    /** The list, and why the server's states are missing (null when they are there). */
    private record Loaded(List<Listed> shares, ServerException unreachable) {
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_shares);
    }

    @Override
    protected void onResume() {
        super.onResume();
        work(() -> {
            ShareLinks links = new ShareLinks(session().wallet(), null, session().context());
            List<ShareLinks.ShareLink> remembered = links.list();
            List<ServerClient.ShareState> states = new ArrayList<>();
            ServerException unreachable = null;
            if (!remembered.isEmpty()) {
                try {
                    states = session().server().shares();
                } catch (ServerException e) {
                    unreachable = e;
                }
            }
            List<Listed> listed = new ArrayList<>();
            for (int i = remembered.size() - 1; i >= 0; i--) {
                ShareLinks.ShareLink link = remembered.get(i);
                ServerClient.ShareState state = null;
                for (ServerClient.ShareState each : states) {
                    if (each.id().equals(link.id())) {
                        state = each;
                    }
                }
                listed.add(new Listed(link, state));
            }
            return new Loaded(listed, unreachable);
        }, this::show);
    }

    private void show(Loaded loaded) {
        LinearLayout list = findViewById(R.id.share_list);
        list.removeAllViews();
        if (loaded.unreachable() != null) {
            showStatus(Texts.problem(this, loaded.unreachable()));
        }
        if (loaded.shares().isEmpty()) {
            list.addView(line(getString(R.string.shares_none), 16, false));
            return;
        }
        for (Listed listed : loaded.shares()) {
            LinearLayout row = new LinearLayout(this);
            row.setOrientation(LinearLayout.VERTICAL);
            row.setPadding(dp(12), dp(8), dp(8), dp(8));
            row.setBackgroundResource(R.drawable.card_background);
            LinearLayout.LayoutParams margins = new LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT,
                    LinearLayout.LayoutParams.WRAP_CONTENT);
            margins.setMargins(0, dp(4), 0, dp(4));
            row.setLayoutParams(margins);
            String titles = String.join(", ", listed.link().titles());
            String label = listed.link().label() == null ? "" : listed.link().label();
            String state = describeState(listed);
            row.addView(line(label.isEmpty() ? titles : label, 17, true));
            if (!label.isEmpty()) {
                row.addView(line(titles, 14, false));
            }
            TextView stateLine = line(state, 14, false);
            row.addView(stateLine);
            row.setTag(listed.link().id());
            row.setClickable(true);
            row.setFocusable(true);
            row.setMinimumHeight(dp(48));
            row.setContentDescription(getString(R.string.describe_share_row, label.isEmpty() ? titles : label + ", " + titles,
                    state));
            row.setOnClickListener(view -> startActivity(new Intent(this, ShareDetailActivity.class)
                    .putExtra(EXTRA_SHARE_ID, listed.link().id())));
            list.addView(row);
        }
    }

    private String describeState(Listed listed) {
        if (listed.state() == null) {
            return getString(R.string.share_state_unknown, Texts.date(this, listed.link().expiresAt()));
        }
        return Texts.shareState(this, listed.state().state(), listed.state().views(), listed.link().expiresAt());
    }
}
