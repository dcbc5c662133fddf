package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wallet identity add|list}: the e-mail addresses and eduIDs badges are issued to. */
@Command(name = "identity", description = "The e-mail addresses and eduIDs your badges are issued to.",
        subcommands = {IdentityCommand.Add.class, IdentityCommand.ListIdentities.class})
final class IdentityCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "add", description = "Add an identity (EMAIL or eduid:ID); credentials issued to it then match.")
    static final class Add extends Subcommand implements Runnable {

        @Parameters(paramLabel = "EMAIL|eduid:ID", descriptionKey = "param.identity",
                description = "An e-mail address, or eduid: followed by your eduID pseudonym.")
        String identity;

        @Override
        public void run() {
            Identity parsed;
            try {
                parsed = Identity.parse(identity);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_IDENTITY", Messages.get("error.badIdentity", identity));
            }
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                boolean added = wallet.addIdentity(parsed, root.home().trustList());
                if (root.json()) {
                    ObjectNode document = StrictJson.mapper().createObjectNode();
                    document.put("type", parsed.type().name());
                    document.put("value", parsed.value());
                    document.put("added", added);
                    root.printJson(document);
                } else {
                    root.out().println(Messages.get(added ? "identity.added" : "identity.present", parsed.display()));
                }
            }
        }
    }

    @Command(name = "list", description = "List your identities.")
    static final class ListIdentities extends Subcommand implements Runnable {
        @Override
        public void run() {
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                if (root.json()) {
                    ArrayNode document = StrictJson.mapper().createArrayNode();
                    for (Identity identity : wallet.identities()) {
                        document.addObject().put("type", identity.type().name()).put("value", identity.value());
                    }
                    root.printJson(document);
                    return;
                }
                root.out().println(Messages.get("identity.holder", wallet.holderDid()));
                for (Identity identity : wallet.identities()) {
                    root.out().println("  " + identity.display());
                }
            }
        }
    }
}
