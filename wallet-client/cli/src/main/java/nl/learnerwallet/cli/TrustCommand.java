package nl.learnerwallet.cli;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet trust add|list|remove}: the issuers this wallet recognises. */
@Command(name = "trust", description = "The issuers you trust: a valid signature says who signed, this list says whether you recognise them.",
        subcommands = {TrustCommand.Add.class, TrustCommand.ListTrust.class, TrustCommand.Remove.class})
final class TrustCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "add", description = "Trust an issuer: a DID, or an https:// issuer URL prefix.")
    static final class Add extends Subcommand implements Runnable {

        @Parameters(paramLabel = "ID", descriptionKey = "param.trustId", description = "The issuer's DID or https:// URL prefix.")
        String id;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "option.trustName",
                description = "The name to show for this issuer.")
        String name;

        @Option(names = "--no-keys", descriptionKey = "option.noKeys",
                description = "Do not fetch and keep a did:web or https issuer's keys for offline verification.")
        boolean noKeys;

        @Override
        public void run() {
            WalletCommand root = root();
            WalletHome home = root.home();
            TrustEntry entry;
            try {
                entry = new TrustEntry(id.trim(), name.trim(), "user", root.context().clock().instant());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_TRUST_ENTRY", Messages.get("error.badTrustEntry", id));
            }
            boolean networkKeys = entry.id().startsWith("did:web:") || entry.id().startsWith("https://");
            List<String> pinned = networkKeys && !noKeys ? PinnedKeys.fetch(root, entry.id()) : new ArrayList<String>();
            if (!pinned.isEmpty()) {
                entry = new TrustEntry(entry.id(), entry.name(), entry.source(), entry.addedAt(), pinned);
            }
            home.saveTrustList(home.trustList().with(entry));
            if (root.json()) {
                root.printJson(entryJson(StrictJson.mapper().createObjectNode(), entry));
            } else {
                root.out().println(Messages.get("trust.added", entry.name(), entry.id()));
                if (networkKeys && !noKeys) {
                    root.out().println(pinned.isEmpty() ? Messages.get("trust.keysNotPinned") : Messages.get("trust.keysPinned", pinned.size()));
                }
            }
        }
    }

    @Command(name = "list", description = "List the issuers you trust.")
    static final class ListTrust extends Subcommand implements Runnable {
        @Override
        public void run() {
            WalletCommand root = root();
            TrustList trustList = root.home().trustList();
            if (root.json()) {
                ArrayNode document = StrictJson.mapper().createArrayNode();
                for (TrustEntry entry : trustList.entries()) {
                    entryJson(document.addObject(), entry);
                }
                root.printJson(document);
                return;
            }
            if (trustList.entries().isEmpty()) {
                root.out().println(Messages.get("trust.empty"));
            }
            for (TrustEntry entry : trustList.entries()) {
                root.out().println(entry.name() + "  " + entry.id());
            }
        }
    }

    @Command(name = "remove", description = "Stop trusting an issuer.")
    static final class Remove extends Subcommand implements Runnable {

        @Parameters(paramLabel = "ID", descriptionKey = "param.trustId", description = "The issuer's DID or https:// URL prefix.")
        String id;

        @Override
        public void run() {
            WalletCommand root = root();
            WalletHome home = root.home();
            TrustList trustList = home.trustList();
            if (!trustList.contains(id)) {
                throw new CliException(ExitCode.BAD_INPUT, "NOT_TRUSTED", Messages.get("error.notOnTrustList", id));
            }
            home.saveTrustList(trustList.without(id));
            if (root.json()) {
                root.printJson(StrictJson.mapper().createObjectNode().put("id", id).put("removed", true));
            } else {
                root.out().println(Messages.get("trust.removed", id));
            }
        }
    }

    static ObjectNode entryJson(ObjectNode node, TrustEntry entry) {
        node.put("id", entry.id());
        node.put("name", entry.name());
        node.put("source", entry.source());
        if (entry.addedAt() != null) {
            node.put("addedAt", entry.addedAt().toString());
        }
        return node;
    }
}
