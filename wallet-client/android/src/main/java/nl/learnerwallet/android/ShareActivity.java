package nl.learnerwallet.android;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.ArrayAdapter;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.LinearLayout;
import android.widget.Spinner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.client.share.Presentations;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.presentation.OfflinePresentation;

/**
 * Makes a share: the learner picks credentials and, for SD-JWT credentials, which claims to show
 * (none is ticked beforehand: nothing is shown unless chosen), how long it works, a label for
 * themselves and at most how many views. The link is made on the learner's wallet server
 * ({@link ShareLinks}) and its QR code shown full screen. With {@link #EXTRA_OFFLINE} it makes an
 * offline QR code of one credential instead: the signed presentation itself, when it fits.
 */
public final class ShareActivity extends Screen {

    static final String EXTRA_CREDENTIAL_IDS = "nl.learnerwallet.android.CREDENTIAL_IDS";
    static final String EXTRA_OFFLINE = "nl.learnerwallet.android.OFFLINE";
    /** Whom an offline QR code is for: whoever scans it (as {@code wallet present --offline}). */
    static final String OFFLINE_AUDIENCE = "urn:learnerwallet:offline";
    private static final int[] VALIDITY_DAYS = {1, 7, 30, 90};

    private boolean offline;
    private final Map<String, StoredCredential> credentials = new LinkedHashMap<>();
    /** Per SD-JWT credential, the claims it can disclose. */
    private final Map<String, List<String>> claimsOf = new LinkedHashMap<>();
    private final Set<String> chosen = new LinkedHashSet<>();
    private final Set<String> disclosed = new LinkedHashSet<>();

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_share);
        offline = getIntent().getBooleanExtra(EXTRA_OFFLINE, false);
        String[] preselected = getIntent().getStringArrayExtra(EXTRA_CREDENTIAL_IDS);
        if (preselected != null) {
            chosen.addAll(Arrays.asList(preselected));
        }
        List<String> validity = new ArrayList<>();
        for (int days : VALIDITY_DAYS) {
            validity.add(getResources().getQuantityString(R.plurals.days, days, days));
        }
        Spinner spinner = findViewById(R.id.validity);
        spinner.setAdapter(new ArrayAdapter<>(this, android.R.layout.simple_spinner_dropdown_item, validity));
        spinner.setSelection(offline ? 2 : 1);
        Button create = findViewById(R.id.create_button);
        if (offline) {
            setTitle(R.string.action_offline);
            findViewById(R.id.link_options).setVisibility(View.GONE);
            create.setText(R.string.action_make_offline);
            create.setContentDescription(getString(R.string.describe_make_offline));
        }
        create.setOnClickListener(view -> create());
        work(() -> {
            Wallet wallet = session().wallet();
            Map<String, List<String>> claims = new LinkedHashMap<>();
            List<StoredCredential> all = new ArrayList<>();
            for (StoredCredential credential : wallet.credentials()) {
                if (offline && !chosen.contains(credential.id())) {
                    continue;
                }
                all.add(credential);
                if (credential.format() == CredentialFormat.SD_JWT_VC) {
                    claims.put(credential.id(), SdJwtPresenter.choices(
                            new String(wallet.presentable(credential), StandardCharsets.US_ASCII)));
                }
            }
            claimsOf.putAll(claims);
            return all;
        }, this::showChoices);
    }

    private void showChoices(List<StoredCredential> all) {
        LinearLayout list = findViewById(R.id.credential_choices);
        list.removeAllViews();
        if (all.isEmpty()) {
            showStatus(getString(R.string.wallet_empty));
        }
        for (StoredCredential credential : all) {
            credentials.put(credential.id(), credential);
            String title = credential.card().title() == null ? getString(R.string.untitled) : credential.card().title();
            CheckBox box = new CheckBox(this);
            box.setText(title + " · " + Texts.kind(this, credential.card().kind()));
            box.setContentDescription(getString(R.string.describe_choose_credential, title));
            box.setMinHeight(dp(48));
            box.setTag(credential.id());
            box.setChecked(chosen.contains(credential.id()));
            box.setEnabled(!offline);
            box.setOnCheckedChangeListener((button, checked) -> {
                if (checked) {
                    chosen.add(credential.id());
                } else {
                    chosen.remove(credential.id());
                }
                showClaims();
            });
            list.addView(box);
        }
        showClaims();
    }

    /** The claims of the chosen SD-JWT credentials, each unticked until the learner ticks it. */
    private void showClaims() {
        Set<String> names = new LinkedHashSet<>();
        for (String id : chosen) {
            List<String> claims = claimsOf.get(id);
            if (claims != null) {
                names.addAll(claims);
            }
        }
        disclosed.retainAll(names);
        LinearLayout list = findViewById(R.id.claim_choices);
        list.removeAllViews();
        findViewById(R.id.claims_heading).setVisibility(names.isEmpty() ? View.GONE : View.VISIBLE);
        for (String name : names) {
            CheckBox box = new CheckBox(this);
            box.setText(name);
            box.setContentDescription(getString(R.string.describe_disclose, name));
            box.setMinHeight(dp(48));
            box.setTag(name);
            box.setChecked(disclosed.contains(name));
            box.setOnCheckedChangeListener((button, checked) -> {
                if (checked) {
                    disclosed.add(name);
                } else {
                    disclosed.remove(name);
                }
            });
            list.addView(box);
        }
    }

    private void create() {
        if (chosen.isEmpty()) {
            showStatus(getString(R.string.share_none_chosen));
            return;
        }
        Integer maxViews = null;
        String typedViews = ((EditText) findViewById(R.id.max_views)).getText().toString().trim();
        if (!offline && !typedViews.isEmpty()) {
            try {
                maxViews = Integer.valueOf(typedViews);
            } catch (NumberFormatException e) {
                maxViews = 0;
            }
            if (maxViews < 1) {
                showStatus(getString(R.string.share_bad_max_views));
                return;
            }
        }
        String typedLabel = ((EditText) findViewById(R.id.label)).getText().toString().trim();
        String label = typedLabel.isEmpty() ? null : typedLabel;
        Duration validFor = Duration.ofDays(VALIDITY_DAYS[((Spinner) findViewById(R.id.validity)).getSelectedItemPosition()]);
        List<String> ids = new ArrayList<>(chosen);
        // Only SD-JWT credentials disclose selectively; for the others everything in them is shown.
        List<String> claims = claimsOf.keySet().stream().anyMatch(chosen::contains) ? new ArrayList<>(disclosed)
                : Collections.singletonList(SdJwtPresenter.ALL);
        findViewById(R.id.create_button).setEnabled(false);
        showStatus(getString(offline ? R.string.making_offline : R.string.making_link));
        Integer views = maxViews;
        Runnable enable = () -> findViewById(R.id.create_button).setEnabled(true);
        if (offline) {
            work(() -> offlineCode(ids.get(0), claims, validFor), this::showQr, enable);
        } else {
            work(() -> {
                ShareLinks links = new ShareLinks(session().wallet(), session().server(), session().context());
                ShareLinks.ShareLink link = links.create(new ShareLinks.Request(ids, validFor, views, label, "employer", true,
                        claims), session().trustList());
                return new Intent(this, QrActivity.class).putExtra(QrActivity.EXTRA_TEXT, link.url())
                        .putExtra(QrActivity.EXTRA_LINK, link.url())
                        .putExtra(QrActivity.EXTRA_CAPTION, getString(R.string.qr_caption_link, Texts.date(this, link.expiresAt())));
            }, this::showQr, enable);
        }
    }

    /**
     * The presentation itself in a QR code ({@code LW1:}), as {@code wallet present --offline} makes
     * it; too large a presentation is refused with the advice to share a link.
     */
    private Intent offlineCode(String id, List<String> claims, Duration validFor) {
        Wallet wallet = session().wallet();
        StoredCredential credential = wallet.credential(id);
        Instant now = session().context().clock().instant();
        Instant expires = now.plus(validFor);
        byte[] nonceBytes = new byte[16];
        session().context().random().nextBytes(nonceBytes);
        String nonce = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        String presentation;
        if (credential.format() == CredentialFormat.SD_JWT_VC) {
            presentation = SdJwtPresenter.present(new String(wallet.presentable(credential), StandardCharsets.US_ASCII),
                    claims, wallet.holderKey(), OFFLINE_AUDIENCE, nonce, now, expires);
        } else if (credential.format() == CredentialFormat.OB3_JWT) {
            presentation = Presentations.sign(wallet.holderKey(),
                    Collections.singletonList(Presentations.Enveloped.of(wallet, credential)), OFFLINE_AUDIENCE, nonce, now,
                    expires, Collections.<Identity>emptyList());
        } else {
            throw new IllegalArgumentException(getString(R.string.offline_not_for_format));
        }
        String text = OfflinePresentation.encode(presentation);
        if (QrCodes.offlineVersionFor(text) > QrCodes.MAX_OFFLINE_VERSION) {
            throw new IllegalArgumentException(getString(R.string.offline_too_large));
        }
        return new Intent(this, QrActivity.class).putExtra(QrActivity.EXTRA_TEXT, text).putExtra(QrActivity.EXTRA_OFFLINE, true)
                .putExtra(QrActivity.EXTRA_CAPTION, getString(R.string.qr_caption_offline, Texts.date(this, expires)));
    }

    private void showQr(Intent qr) {
        startActivity(qr);
        finish();
    }
}
