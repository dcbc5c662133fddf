package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wallet passphrase reset}: a new passphrase, proven by the recovery code. */
@Command(name = "passphrase", description = "Manage the passphrase.", subcommands = PassphraseCommand.Reset.class)
final class PassphraseCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "reset", description = "Set a new passphrase with the recovery code (when the old one is forgotten).")
    static final class Reset extends Subcommand implements Runnable {

        @Mixin
        RecoveryCodeOption recoveryCode = new RecoveryCodeOption();

        @Override
        public void run() {
            WalletCommand root = root();
            RecordStore store = root.home().openStore(false);
            String code = recoveryCode.text(root);
            char[] passphrase = root.passphrases().chooseNew();
            try (Wallet wallet = Wallet.resetPassphrase(store, code, passphrase, root.context())) {
                if (root.json()) {
                    ObjectNode document = StrictJson.mapper().createObjectNode();
                    document.put("holder", wallet.holderDid());
                    document.put("passphraseReset", true);
                    root.printJson(document);
                } else {
                    root.out().println(Messages.get("passphrase.reset"));
                }
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
    }
}
