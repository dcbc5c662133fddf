package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.learnerwallet.client.oid4vc.CredentialOffer;
import nl.learnerwallet.client.oid4vc.CredentialReceiver;
import nl.learnerwallet.client.oid4vc.IssuerMetadata;
import nl.learnerwallet.client.oid4vc.Oid4vcException;
import nl.learnerwallet.client.oid4vc.WalletProtocols;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.VerificationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet receive OFFER_URI|QR_IMAGE}: takes an OpenID4VCI credential offer, gets the
 * credentials it offers (pre-authorized code, with the transaction code when asked; or signing in
 * at the issuer in a browser), and imports each like {@code wallet import}: verified, stored with
 * its status.
 */
@Command(name = "receive", description = "Receive credentials from an issuer's OpenID4VCI credential offer (a link or a QR code image).")
final class ReceiveCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "OFFER_URI|QR_IMAGE", descriptionKey = "param.offer",
            description = "The offer link (openid-credential-offer://...), or an image of its QR code.")
    String source;

    @Option(names = "--tx-code", paramLabel = "CODE", descriptionKey = "option.txCode",
            description = "The transaction code the issuer sent you separately, when the offer asks for one (else you are asked).")
    String transactionCode;

    @Option(names = "--no-browser", descriptionKey = "option.noBrowser",
            description = "Do not open a browser to sign in at the issuer; only print the address to open.")
    boolean noBrowser;

    @Override
    public Integer call() {
        WalletCommand root = root();
        String link = ProtocolLinks.read(source);
        try (Wallet wallet = root.unlock()) {
            CredentialReceiver receiver = new CredentialReceiver(VerifierRequestAnswer.fetcher(root), wallet.holderKey(),
                    root.context().clock(), Locale.getDefault(), WalletProtocols.nonceLedger(wallet),
                    (interval, issuer) -> {
                        root.err().println(Messages.get("receive.waiting", issuer, interval.getSeconds()));
                        root.err().flush();
                        Thread.sleep(interval.toMillis());
                    }, CredentialReceiver.DEFAULT_MAX_DEFERRED_WAIT);
            CredentialReceiver.Offered offered = receiver.read(link);
            List<String> names = new ArrayList<>();
            for (IssuerMetadata.Configuration configuration : offered.configurations()) {
                names.add(configuration.name() != null ? configuration.name() : configuration.id());
            }
            root.err().println(Messages.get("receive.offer", offered.metadata().displayName(), String.join(", ", names)));
            String code = offered.needsTransactionCode() ? transactionCode(root, offered.offer().transactionCode()) : null;
            List<CredentialReceiver.Received> received;
            if (offered.needsBrowser()) {
                try (SignInBrowser browser = new SignInBrowser(root, !noBrowser)) {
                    received = receiver.receive(offered, code, browser);
                }
            } else {
                received = receiver.receive(offered, code, null);
            }
            return store(root, wallet, received);
        }
    }

    private String transactionCode(WalletCommand root, CredentialOffer.TransactionCode asked) {
        if (transactionCode != null) {
            return transactionCode.trim();
        }
        if (root.console() == null || root.json()) {
            throw new CliException(ExitCode.BAD_INPUT, Oid4vcException.Problem.TRANSACTION_CODE_REQUIRED.name(),
                    Messages.get("receive.txCodeNeeded"));
        }
        if (asked.description() != null) {
            root.err().println(asked.description());
        }
        String prompt = asked.length() > 0 ? Messages.get("receive.txCodePromptLength", asked.length()) : Messages.get("receive.txCodePrompt");
        char[] typed = root.console().readPassword("%s", prompt);
        return typed == null ? "" : new String(typed).trim();
    }

    /** Imports every credential; one refused does not lose the others. */
    private int store(WalletCommand root, Wallet wallet, List<CredentialReceiver.Received> received) {
        ArrayNode documents = StrictJson.mapper().createArrayNode();
        int exit = ExitCode.OK;
        for (CredentialReceiver.Received each : received) {
            try {
                ImportResult result = wallet.importCredential(each.credential().getBytes(StandardCharsets.UTF_8),
                        root.home().trustList());
                StoredCredential credential = result.credential();
                ObjectNode document = Reports.summaryJson(credential);
                document.put("alreadyPresent", result.alreadyPresent());
                documents.add(document);
                if (!root.json()) {
                    Reports.printImported(root.out(), result);
                }
            } catch (CredentialRefusedException refused) {
                boolean tampered = refused.report().status() == VerificationStatus.TAMPERED;
                exit = Math.max(exit, tampered ? ExitCode.NOT_VERIFIED : ExitCode.BAD_INPUT);
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("status", refused.report().status().name());
                document.put("refused", true);
                documents.add(document);
                if (!root.json()) {
                    Reports.printChecks(root.err(), refused.report());
                    root.err().println(Messages.get(tampered ? "import.tampered" : "import.malformed"));
                }
            }
        }
        if (root.json()) {
            // The contract's import fields for the first credential, and every credential in "credentials".
            ObjectNode document = documents.get(0).deepCopy();
            document.set("credentials", documents);
            root.printJson(document);
        }
        return exit;
    }
}
