package nl.learnerwallet.android;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;

/**
 * The wallet: every credential as a card, grouped by kind (microcredentials first), each with who
 * awarded it and its status in words and colour. A phone without a wallet goes to the welcome
 * screen instead.
 */
public final class WalletActivity extends Screen {

    static final String EXTRA_CREDENTIAL_ID = "nl.learnerwallet.android.CREDENTIAL_ID";

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_wallet);
        findViewById(R.id.import_button).setOnClickListener(view -> startActivity(new Intent(this, ImportActivity.class)));
        findViewById(R.id.share_button).setOnClickListener(view -> startActivity(new Intent(this, ShareActivity.class)));
        findViewById(R.id.shares_button).setOnClickListener(view -> startActivity(new Intent(this, SharesActivity.class)));
        findViewById(R.id.backup_button).setOnClickListener(view -> startActivity(new Intent(this, BackupActivity.class)));
    }

    @Override
    protected void onResume() {
        super.onResume();
        work(() -> {
            WalletSession session = session();
            if (!session.exists()) {
                return null;
            }
            // Checked again without the network, so trust-list changes and expiry show at once.
            return session.wallet().refreshOffline(session.trustList());
        }, credentials -> {
            if (credentials == null) {
                startActivity(new Intent(this, WelcomeActivity.class));
                finish();
            } else {
                show(credentials);
            }
        });
    }

    private void show(List<StoredCredential> credentials) {
        LinearLayout list = findViewById(R.id.credential_list);
        list.removeAllViews();
        if (credentials.isEmpty()) {
            list.addView(line(getString(R.string.wallet_empty), 16, false));
            return;
        }
        Map<CredentialKind, List<StoredCredential>> byKind = new EnumMap<>(CredentialKind.class);
        for (StoredCredential credential : credentials) {
            byKind.computeIfAbsent(credential.card().kind(), kind -> new ArrayList<>()).add(credential);
        }
        for (Map.Entry<CredentialKind, List<StoredCredential>> group : byKind.entrySet()) {
            TextView heading = heading(getResources().getQuantityString(pluralsOf(group.getKey()), group.getValue().size(),
                    group.getValue().size()));
            heading.setTextColor(Texts.kindColor(this, group.getKey()));
            list.addView(heading);
            for (StoredCredential credential : group.getValue()) {
                list.addView(card(credential));
            }
        }
    }

    /** One credential: title, awarding body, status; the whole card opens the details. */
    private View card(StoredCredential credential) {
        CredentialCard card = credential.card();
        LinearLayout view = new LinearLayout(this);
        view.setOrientation(LinearLayout.VERTICAL);
        view.setPadding(dp(12), dp(8), dp(8), dp(8));
        view.setMinimumHeight(dp(48));
        view.setBackgroundResource(R.drawable.card_background);
        LinearLayout.LayoutParams margins = new LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT,
                LinearLayout.LayoutParams.WRAP_CONTENT);
        margins.setMargins(0, dp(4), 0, dp(4));
        view.setLayoutParams(margins);
        String title = card.title() == null ? getString(R.string.untitled) : card.title();
        String kind = Texts.kind(this, card.kind());
        String issuer = card.awardingBody() == null ? "" : card.awardingBody();
        String status = Texts.status(this, credential.report().status());
        view.addView(line(title, 17, true));
        view.addView(line(kind + (issuer.isEmpty() ? "" : " · " + issuer), 14, false));
        TextView statusLine = line(status, 14, true);
        statusLine.setTextColor(Texts.statusColor(this, credential.report().status()));
        view.addView(statusLine);
        view.setTag(credential.id());
        view.setClickable(true);
        view.setFocusable(true);
        view.setContentDescription(getString(R.string.describe_card, title, kind, issuer, status));
        view.setOnClickListener(clicked -> startActivity(new Intent(this, CredentialActivity.class)
                .putExtra(EXTRA_CREDENTIAL_ID, credential.id())));
        return view;
    }

    private static int pluralsOf(CredentialKind kind) {
        switch (kind) {
            case MICROCREDENTIAL:
                return R.plurals.group_microcredential;
            case REGULAR_BADGE:
                return R.plurals.group_regular_badge;
            case EXTRACURRICULAR_BADGE:
                return R.plurals.group_extracurricular_badge;
            case DIPLOMA:
                return R.plurals.group_diploma;
            case WORK_EXPERIENCE:
                return R.plurals.group_work_experience;
            default:
                return R.plurals.group_other;
        }
    }
}
