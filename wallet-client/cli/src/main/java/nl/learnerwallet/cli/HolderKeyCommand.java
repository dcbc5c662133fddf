package nl.learnerwallet.cli;

import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;

/** {@code wallet holder-key rotate}: a new holder key after a device was lost. */
@Command(name = "holder-key", description = "Your holder key, which signs what you present.",
        subcommands = HolderKeyCommand.Rotate.class)
final class HolderKeyCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "rotate", description = "Make a new holder key (after a lost device); the next backup publishes it, the old one only reads history.")
    static final class Rotate extends Subcommand implements Runnable {
        @Override
        public void run() {
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                String previous = wallet.holderDid();
                String fresh = wallet.rotateHolderKey();
                if (root.json()) {
                    root.printJson(StrictJson.mapper().createObjectNode().put("holder", fresh).put("previous", previous));
                } else {
                    root.out().println(Messages.get("holder.rotated", fresh));
                }
            }
        }
    }
}
