package nl.learnerwallet.android;

import android.content.Intent;
import android.os.Bundle;
import android.text.InputType;
import android.view.View;
import android.widget.EditText;
import android.widget.TextView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.client.oid4vc.CredentialOffer;
import nl.learnerwallet.client.oid4vc.CredentialReceiver;
import nl.learnerwallet.client.oid4vc.IssuerMetadata;
import nl.learnerwallet.client.oid4vc.WalletProtocols;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.Wallet;

/**
 * An issuer's OpenID4VCI credential offer ({@code openid-credential-offer://}, opened from a link or
 * a scanned QR code, or pasted on the import screen): says who offers what, asks for the
 * transaction code when the offer has one, receives the credentials with the pre-authorized code
 * and imports each, verified, like any other. Offers that need signing in at the issuer in a
 * browser are refused with that said: this app does not do that flow yet.
 */
public final class ReceiveActivity extends Screen {

    private static final String[] OFFER_SCHEMES = {"openid-credential-offer:", "haip-vci:"};

    private CredentialReceiver receiver;
    private CredentialReceiver.Offered offered;

    static boolean isOffer(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (String scheme : OFFER_SCHEMES) {
            if (lower.startsWith(scheme)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_receive);
        findViewById(R.id.receive_button).setOnClickListener(view -> receive());
        findViewById(R.id.open_button).setOnClickListener(view -> {
            startActivity(new Intent(this, WalletActivity.class).addFlags(Intent.FLAG_ACTIVITY_CLEAR_TOP));
            finish();
        });
        String link = getIntent().getDataString();
        if (link == null || !isOffer(link)) {
            ((TextView) findViewById(R.id.offer)).setText(R.string.receive_no_offer);
            return;
        }
        work(() -> {
            Wallet wallet = session().wallet();
            receiver = new CredentialReceiver(session().context().fetcher(), wallet.holderKey(), session().context().clock(),
                    Locale.getDefault(), WalletProtocols.nonceLedger(wallet),
                    (interval, issuer) -> Thread.sleep(interval.toMillis()), CredentialReceiver.DEFAULT_MAX_DEFERRED_WAIT);
            return receiver.read(link);
        }, this::offer);
    }

    private void offer(CredentialReceiver.Offered offer) {
        offered = offer;
        List<String> names = new ArrayList<>();
        for (IssuerMetadata.Configuration configuration : offer.configurations()) {
            names.add(configuration.name() != null ? configuration.name() : configuration.id());
        }
        TextView text = findViewById(R.id.offer);
        text.setText(getString(R.string.receive_offer, offer.metadata().displayName(), String.join(", ", names)));
        if (offer.needsBrowser()) {
            showStatus(getString(R.string.receive_needs_browser));
            return;
        }
        if (offer.needsTransactionCode()) {
            CredentialOffer.TransactionCode asked = offer.offer().transactionCode();
            EditText code = findViewById(R.id.tx_code);
            code.setInputType(asked.numeric() ? InputType.TYPE_CLASS_NUMBER | InputType.TYPE_NUMBER_VARIATION_PASSWORD
                    : InputType.TYPE_CLASS_TEXT | InputType.TYPE_TEXT_VARIATION_VISIBLE_PASSWORD);
            String hint = asked.length() > 0 ? getString(R.string.hint_tx_code_length, asked.length())
                    : getString(R.string.hint_tx_code);
            code.setHint(asked.description() != null ? asked.description() + " " + hint : hint);
            code.setVisibility(View.VISIBLE);
            findViewById(R.id.tx_code_label).setVisibility(View.VISIBLE);
        }
        findViewById(R.id.receive_button).setEnabled(true);
    }

    private void receive() {
        String code = offered.needsTransactionCode() ? ((EditText) findViewById(R.id.tx_code)).getText().toString().trim() : null;
        if (offered.needsTransactionCode() && code.isEmpty()) {
            showStatus(getString(R.string.receive_tx_code_needed));
            return;
        }
        findViewById(R.id.receive_button).setEnabled(false);
        showStatus(getString(R.string.receiving));
        work(() -> store(receiver.receive(offered, code, null)), said -> {
            showStatus(said);
            findViewById(R.id.open_button).setVisibility(View.VISIBLE);
        }, () -> findViewById(R.id.receive_button).setEnabled(true));
    }

    /** Imports every credential received; one refused does not lose the others. */
    private String store(List<CredentialReceiver.Received> received) {
        Wallet wallet = session().wallet();
        StringBuilder said = new StringBuilder();
        for (CredentialReceiver.Received each : received) {
            if (said.length() > 0) {
                said.append('\n');
            }
            try {
                ImportResult result = wallet.importCredential(each.credential().getBytes(StandardCharsets.UTF_8),
                        session().trustList());
                String title = result.credential().card().title() == null ? getString(R.string.untitled)
                        : result.credential().card().title();
                said.append(getString(result.alreadyPresent() ? R.string.import_already : R.string.import_stored, title,
                        Texts.kind(this, result.credential().card().kind()),
                        Texts.status(this, result.credential().report().status())));
            } catch (CredentialRefusedException refused) {
                said.append(Texts.problem(this, refused));
            }
        }
        return said.toString();
    }
}
