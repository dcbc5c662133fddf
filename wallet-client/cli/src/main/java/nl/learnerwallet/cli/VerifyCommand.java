package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import java.util.concurrent.Callable;
import nl.learnerwallet.model.verify.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet verify ID|FILE}: verifies a stored credential again, or a file without storing
 * it. Exit 0 for VERIFIED, 3 for UNVERIFIABLE, 2 for MALFORMED, 1 for anything else.
 */
@Command(name = "verify", description = "Verify a stored credential (by id), a credential file, a hosted Open Badge URL, a share link, an (offline) QR code or a presentation, and say whether it is genuine.")
final class VerifyCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID|FILE|URL", descriptionKey = "param.verifyTarget", description = "A credential id, a file, or the URL of a hosted Open Badge.")
    String target;

    @Option(names = "--offline", descriptionKey = "option.offline",
            description = "Use no network: hosted badges, did:web and status lists keep their last result (VC-JWTs with did:jwk or did:key never need one).")
    boolean offline;

    @Override
    public Integer call() {
        WalletCommand root = root();
        // A file is read once, whichever verifier it turns out to be for.
        byte[] input = !Inputs.isUrl(target) && Inputs.isFile(target) ? Inputs.readFile(target) : null;
        Integer presentation = PresentationTargets.verify(root, target, input, offline);
        if (presentation != null) {
            return presentation;
        }
        WalletHome home = root.home();
        VerificationReport report;
        CredentialCard card;
        String storedId = null;
        if (Inputs.isUrl(target)) {
            CredentialVerifier.Verified verified = verifyUrl(root, home);
            report = verified.report();
            card = verified.card();
        } else if (input != null) {
            CredentialVerifier.Verified verified;
            if (home.hasWallet()) {
                try (Wallet wallet = root.unlock()) {
                    verified = wallet.verifyInput(input, home.trustList(), offline);
                }
            } else {
                // Without a wallet there is no learner to match; the recipient check says so.
                verified = new CredentialVerifier(root.context().issuerKeys(), offline ? null : root.context().fetcher())
                        .verify(CredentialReader.read(input),
                        new VerificationContext(home.trustList(), RecipientIdentities.none(), root.context().clock()));
            }
            report = verified.report();
            card = verified.card();
        } else {
            try (Wallet wallet = root.unlock()) {
                StoredCredential credential = wallet.verify(target, home.trustList(), offline);
                report = credential.report();
                card = credential.card();
                storedId = credential.id();
            }
        }
        print(root, report, card, storedId);
        return ExitCode.forStatus(report.status());
    }

    /** A hosted OB 2.0 assertion by its URL, without storing it; never with {@code --offline}. */
    private CredentialVerifier.Verified verifyUrl(WalletCommand root, WalletHome home) {
        if (offline) {
            throw new CliException(ExitCode.BAD_INPUT, "OFFLINE_URL", Messages.get("verify.offlineUrl"));
        }
        if (home.hasWallet()) {
            try (Wallet wallet = root.unlock()) {
                return wallet.verifyUrl(target, home.trustList());
            }
        }
        return new CredentialVerifier(root.context().issuerKeys(), root.context().fetcher()).verify(
                new nl.learnerwallet.model.format.ReadCredential(nl.learnerwallet.model.CredentialFormat.OB2_HOSTED, target),
                new VerificationContext(home.trustList(), RecipientIdentities.none(), root.context().clock()));
    }

    private static void print(WalletCommand root, VerificationReport report, CredentialCard card, String storedId) {
        if (root.json()) {
            ObjectNode document = ReportJson.write(report);
            if (storedId != null) {
                document.put("id", storedId);
            }
            if (card != null) {
                document.put("title", card.title());
                document.put("kind", card.kind().name());
            }
            root.printJson(document);
            return;
        }
        if (card != null) {
            root.out().println(card.title() + (card.awardingBody() == null ? "" : " — " + card.awardingBody()));
        }
        Reports.printChecks(root.out(), report);
    }
}
