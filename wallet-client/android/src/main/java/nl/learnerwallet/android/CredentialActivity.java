package nl.learnerwallet.android;

import android.app.AlertDialog;
import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.LinearLayout;
import android.widget.TextView;
import java.util.List;
import java.util.Set;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;

/**
 * One credential: what it certifies (the card, with the EU standard elements a microcredential
 * must carry, present or missing), and the named checks of its last verification. From here the
 * learner checks it again online, trusts its issuer, shares it, shows it as an offline QR code or
 * deletes it.
 */
public final class CredentialActivity extends Screen {

    private String id;
    private StoredCredential credential;
    private boolean trusted;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_credential);
        id = getIntent().getStringExtra(WalletActivity.EXTRA_CREDENTIAL_ID);
        findViewById(R.id.verify_button).setOnClickListener(view -> verifyOnline());
        findViewById(R.id.trust_button).setOnClickListener(view -> toggleTrust());
        findViewById(R.id.share_button).setOnClickListener(view -> startActivity(new Intent(this, ShareActivity.class)
                .putExtra(ShareActivity.EXTRA_CREDENTIAL_IDS, new String[] {id})));
        findViewById(R.id.offline_button).setOnClickListener(view -> startActivity(new Intent(this, ShareActivity.class)
                .putExtra(ShareActivity.EXTRA_CREDENTIAL_IDS, new String[] {id}).putExtra(ShareActivity.EXTRA_OFFLINE, true)));
        findViewById(R.id.delete_button).setOnClickListener(view -> confirmDelete());
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (id == null) {
            showStatus(getString(R.string.wallet_UNKNOWN_CREDENTIAL));
            return;
        }
        work(() -> loaded(session().wallet().credential(id)), this::show);
    }

    private void verifyOnline() {
        showStatus(getString(R.string.verifying));
        work(() -> loaded(session().wallet().verify(id, session().trustList())), verified -> {
            show(verified);
            showStatus(Texts.status(this, verified.credential().report().status()));
        });
    }

    private void toggleTrust() {
        CredentialCard card = credential.card();
        work(() -> {
            TrustList list = session().trustList();
            if (list.find(card.issuerId()) != null) {
                list = list.without(list.find(card.issuerId()).id());
            } else {
                String name = card.awardingBody() != null ? card.awardingBody() : card.issuerId();
                list = list.with(new TrustEntry(card.issuerId(), name, "user", session().context().clock().instant()));
            }
            session().saveTrustList(list);
            session().wallet().refreshOffline(list);
            return loaded(session().wallet().credential(id));
        }, this::show);
    }

    private void confirmDelete() {
        new AlertDialog.Builder(this)
                .setMessage(getString(R.string.confirm_delete, title(credential.card())))
                .setPositiveButton(R.string.action_delete, (dialog, which) -> work(() -> session().wallet().delete(id),
                        deleted -> finish()))
                .setNegativeButton(R.string.action_cancel, null)
                .show();
    }

    /** A credential as shown: with whether its issuer is on the trust list (read with it, off the main thread). */
    private record Loaded(StoredCredential credential, boolean trusted) {
    }

    private Loaded loaded(StoredCredential found) {
        String issuer = found.card().issuerId();
        return new Loaded(found, issuer != null && session().trustList().find(issuer) != null);
    }

    private void show(Loaded loaded) {
        StoredCredential shown = loaded.credential();
        credential = shown;
        trusted = loaded.trusted();
        CredentialCard card = shown.card();
        setTitle(title(card));
        LinearLayout details = findViewById(R.id.details);
        details.removeAllViews();
        TextView title = line(title(card), 22, true);
        details.addView(title);
        TextView kind = line(Texts.kind(this, card.kind()) + (card.selfDeclared() ? " · " + getString(R.string.self_declared) : ""),
                16, true);
        kind.setTextColor(Texts.kindColor(this, card.kind()));
        details.addView(kind);
        TextView status = line(Texts.status(this, shown.report().status()), 16, true);
        status.setTextColor(Texts.statusColor(this, shown.report().status()));
        details.addView(status);
        field(details, R.string.card_issuer, card.awardingBody());
        field(details, R.string.card_country, card.issuerCountry());
        field(details, R.string.card_learner, shortened(card.learner()));
        field(details, R.string.card_issued, card.issuedOn() == null ? null : Texts.date(this, card.issuedOn()));
        field(details, R.string.card_expires, card.expiresOn() == null ? null : Texts.date(this, card.expiresOn()));
        field(details, R.string.card_level, card.level().isEmpty() ? null : Texts.level(card.level()));
        field(details, R.string.card_study_load, card.studyLoad() == null ? null : card.studyLoad().toString());
        field(details, R.string.card_assessment, card.assessmentType());
        field(details, R.string.card_participation, card.participationForm());
        field(details, R.string.card_quality_assurance, card.qualityAssurance());
        field(details, R.string.card_grade, card.grade());
        field(details, R.string.card_programme_code, card.programmeCode());
        field(details, R.string.card_description, card.description());
        if (!card.learningOutcomes().isEmpty()) {
            details.addView(heading(getString(R.string.card_learning_outcomes)));
            for (String outcome : card.learningOutcomes()) {
                details.addView(line("• " + outcome, 15, false));
            }
        }
        if (card.kind() == CredentialKind.MICROCREDENTIAL) {
            euElements(details, card);
        }
        details.addView(heading(getString(R.string.checks)));
        for (CheckResult check : shown.report().checks()) {
            TextView line = line(Texts.check(this, check) + ": " + Texts.outcome(this, check.outcome())
                    + (check.outcome() == Outcome.PASSED ? "" : " (" + Texts.reason(this, check.reason()) + ")"), 15, false);
            if (check.outcome() == Outcome.FAILED) {
                line.setTextColor(getColor(R.color.status_bad));
            }
            details.addView(line);
        }
        Button trust = findViewById(R.id.trust_button);
        trust.setText(trusted ? R.string.action_untrust : R.string.action_trust);
        trust.setContentDescription(getString(trusted ? R.string.describe_untrust : R.string.describe_trust));
        trust.setVisibility(card.issuerId() == null || card.selfDeclared() ? View.GONE : View.VISIBLE);
        boolean offline = shown.format() == CredentialFormat.OB3_JWT || shown.format() == CredentialFormat.SD_JWT_VC;
        findViewById(R.id.offline_button).setVisibility(offline ? View.VISIBLE : View.GONE);
    }

    /** The EU standard elements, each present or missing, and which mandatory ones are missing. */
    private void euElements(LinearLayout details, CredentialCard card) {
        details.addView(heading(getString(R.string.eu_elements)));
        Set<EuStandardElement> present = Completeness.present(card);
        for (EuStandardElement element : EuStandardElement.values()) {
            boolean has = present.contains(element);
            if (!has && !element.mandatory()) {
                continue;
            }
            TextView line = line((has ? "✓ " : "✗ ") + Texts.euElement(this, element), 15, false);
            line.setContentDescription(getString(has ? R.string.describe_element_present : R.string.describe_element_missing,
                    Texts.euElement(this, element)));
            if (!has) {
                line.setTextColor(getColor(R.color.status_bad));
            }
            details.addView(line);
        }
        List<EuStandardElement> missing = Completeness.missingMandatory(card);
        details.addView(line(missing.isEmpty() ? getString(R.string.eu_complete)
                : getResources().getQuantityString(R.plurals.eu_missing, missing.size(), missing.size()), 15, true));
    }

    /** A did:jwk is a whole public key: its start is enough to tell it on screen. */
    private static String shortened(String identifier) {
        return identifier != null && identifier.startsWith("did:") && identifier.length() > 40
                ? identifier.substring(0, 32) + "…" : identifier;
    }

    private void field(LinearLayout details, int label, String value) {
        if (value != null && !value.trim().isEmpty()) {
            details.addView(line(getString(label) + ": " + value, 15, false));
        }
    }

    private String title(CredentialCard card) {
        return card.title() == null ? getString(R.string.untitled) : card.title();
    }
}
