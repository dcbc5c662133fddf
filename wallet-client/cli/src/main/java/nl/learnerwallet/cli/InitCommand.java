package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;

/** {@code wallet init}: a new wallet, its keys, and the recovery code shown once. */
@Command(name = "init", description = "Create a new wallet: keys, a passphrase-protected store and a recovery code.")
final class InitCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        WalletCommand root = root();
        WalletHome home = root.home();
        if (home.hasWallet()) {
            throw new CliException(ExitCode.BAD_INPUT, "WALLET_EXISTS", Messages.get("error.walletExists", home.directory()));
        }
        char[] passphrase = root.passphrases().chooseNew();
        RecordStore store = home.openStore(true);
        Wallet.Created created;
        try {
            created = Wallet.create(store, passphrase, root.context());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try (Wallet wallet = created.wallet()) {
            String code = created.recoveryCode().display();
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("holder", wallet.holderDid());
                document.put("recoveryCode", code);
                document.put("home", home.directory().toString());
                root.printJson(document);
                return;
            }
            PrintWriter out = root.out();
            out.println(Messages.get("init.created", home.directory()));
            out.println(Messages.get("init.holder", wallet.holderDid()));
            out.println();
            out.println(Messages.get("init.recoveryCodeIntro"));
            out.println();
            out.println("    " + code);
            out.println();
            out.println(Messages.get("init.recoveryCodeAdvice"));
            out.println(Messages.get("init.next"));
        }
    }
}
