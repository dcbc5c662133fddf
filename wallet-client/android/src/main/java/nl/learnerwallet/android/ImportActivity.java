package nl.learnerwallet.android;

import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.view.View;
import android.widget.EditText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.StoredCredential;

/**
 * Brings a credential into the wallet: a file from the system's file picker, whatever another app
 * shares or opens with the wallet (a baked PNG or SVG badge, JSON, a JWT or SD-JWT, or text holding
 * one), a pasted address of a hosted badge, or a pasted OpenID4VCI offer link (handed on to
 * {@link ReceiveActivity}). Every import is verified and kept with its status; a tampered or
 * unreadable one is refused with one sentence, and nothing is stored.
 */
public final class ImportActivity extends Screen {

    /** What the file picker offers: the types the wallet reads. */
    static final String[] MIME_TYPES = {"image/png", "image/svg+xml", "application/json", "application/ld+json",
        "application/jwt", "application/vc+jwt", "application/dc+sd-jwt", "application/vc+sd-jwt", "text/plain",
        "application/octet-stream"};
    /** Larger than any credential; a bigger file is refused before it is read whole. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int PICK_FILE = 1;

    private String importedId;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_import);
        findViewById(R.id.choose_file_button).setOnClickListener(view -> chooseFile());
        findViewById(R.id.import_address_button).setOnClickListener(view ->
                importText(((EditText) findViewById(R.id.address)).getText().toString()));
        findViewById(R.id.open_button).setOnClickListener(view -> {
            if (importedId != null) {
                startActivity(new Intent(this, CredentialActivity.class).putExtra(WalletActivity.EXTRA_CREDENTIAL_ID, importedId));
            }
        });
        if (savedInstanceState == null) {
            fromIntent(getIntent());
        }
    }

    /** Another app shared something (ACTION_SEND) or opened a file with the wallet (ACTION_VIEW). */
    @SuppressWarnings("deprecation") // getParcelableExtra(String, Class) is API 33; this app runs from API 26.
    private void fromIntent(Intent intent) {
        if (Intent.ACTION_SEND.equals(intent.getAction())) {
            Uri stream = intent.getParcelableExtra(Intent.EXTRA_STREAM);
            String text = intent.getStringExtra(Intent.EXTRA_TEXT);
            if (stream != null) {
                importUri(stream);
            } else if (text != null) {
                importText(text);
            } else {
                showStatus(getString(R.string.nothing_shared));
            }
        } else if (Intent.ACTION_VIEW.equals(intent.getAction()) && intent.getData() != null) {
            importUri(intent.getData());
        }
    }

    private void chooseFile() {
        Intent pick = new Intent(Intent.ACTION_OPEN_DOCUMENT).addCategory(Intent.CATEGORY_OPENABLE).setType("*/*")
                .putExtra(Intent.EXTRA_MIME_TYPES, MIME_TYPES);
        startActivityForResult(pick, PICK_FILE);
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        if (requestCode == PICK_FILE && resultCode == RESULT_OK && data != null && data.getData() != null) {
            importUri(data.getData());
        }
    }

    private void importUri(Uri uri) {
        showStatus(getString(R.string.importing));
        work(() -> {
            byte[] bytes = read(uri);
            return session().wallet().importCredential(bytes, session().trustList());
        }, this::imported);
    }

    /**
     * Pasted or shared text: an offer link goes to the receive screen, an http(s) address is fetched
     * as a hosted badge, anything else is read as the credential itself (a JWT, SD-JWT or JSON).
     */
    void importText(String typed) {
        String text = typed.trim();
        if (text.isEmpty()) {
            showStatus(getString(R.string.nothing_typed));
            return;
        }
        if (ReceiveActivity.isOffer(text)) {
            startActivity(new Intent(this, ReceiveActivity.class).setData(Uri.parse(text)));
            return;
        }
        showStatus(getString(R.string.importing));
        boolean address = text.startsWith("https://") || text.startsWith("http://");
        work(() -> address ? session().wallet().importUrl(text, session().trustList())
                : session().wallet().importCredential(text.getBytes(StandardCharsets.UTF_8), session().trustList()),
                this::imported);
    }

    private void imported(ImportResult result) {
        StoredCredential credential = result.credential();
        importedId = credential.id();
        String title = credential.card().title() == null ? getString(R.string.untitled) : credential.card().title();
        String said = getString(result.alreadyPresent() ? R.string.import_already : R.string.import_stored, title,
                Texts.kind(this, credential.card().kind()), Texts.status(this, credential.report().status()));
        showStatus(result.replaced() == null ? said : said + " " + getString(R.string.import_replaced));
        findViewById(R.id.open_button).setVisibility(View.VISIBLE);
    }

    /** @throws IOException when the file cannot be read or is larger than {@link #MAX_BYTES} */
    private byte[] read(Uri uri) throws IOException {
        try (InputStream in = getContentResolver().openInputStream(uri)) {
            if (in == null) {
                throw new IOException("the file could not be opened");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > MAX_BYTES) {
                    throw new nl.learnerwallet.model.json.UntrustedInputException(nl.learnerwallet.model.json.InputProblem.TOO_LARGE,
                            "the file is larger than any credential");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }
}
