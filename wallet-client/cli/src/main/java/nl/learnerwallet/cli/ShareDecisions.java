package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.share.ExemptionDecisions;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * The exam committee's decisions on one of the learner's exemption shares, for {@code share show}:
 * fetched from the share's link and checked by the core's {@link ExemptionDecisions}, printed or
 * written as JSON, and imported on request.
 */
final class ShareDecisions {

    private ShareDecisions() {
    }

    /**
     * A listed decision as the learner sees it. {@code decision} is null when the credential holds
     * none (then {@code problem} says why); {@code imported} is the wallet's id after {@code --import-decisions}.
     */
    record Shown(int number, String id, String issuer, String status, ExemptionDecision decision, String problem,
            String imported) {
    }

    /**
     * @param importThem store each decision that verifies as untampered in the wallet
     * @throws nl.learnerwallet.client.sync.ServerException when the list cannot be had and {@code importThem} asked for it
     */
    static List<Shown> fetch(WalletCommand root, Wallet wallet, ShareLinks links, ShareLinks.ShareLink link, boolean importThem) {
        List<ShareLinks.ReceivedDecision> received;
        try {
            received = links.decisions(link);
        } catch (nl.learnerwallet.client.sync.ServerException | UntrustedInputException e) {
            if (importThem) {
                throw e;
            }
            root.err().println(Messages.get("share.decisionsUnavailable", e.getMessage()));
            return new ArrayList<>();
        }
        List<Shown> shown = new ArrayList<>();
        for (ShareLinks.ReceivedDecision each : received) {
            shown.add(show(root, wallet, each, importThem));
        }
        return shown;
    }

    private static Shown show(WalletCommand root, Wallet wallet, ShareLinks.ReceivedDecision received, boolean importThem) {
        ExemptionDecisions.Checked checked = ExemptionDecisions.check(wallet, received, root.home().trustList());
        String problem = checked.problem() == ExemptionDecisions.Problem.NO_DECISION ? Messages.get("share.decisionMissing")
                : checked.detail();
        String imported = importThem ? ExemptionDecisions.keep(wallet, checked, root.home().trustList()) : null;
        return new Shown(checked.number(), checked.id(), checked.issuer(), checked.status().name(), checked.decision(),
                problem, imported);
    }

    static void json(ArrayNode list, List<Shown> decisions) {
        for (Shown shown : decisions) {
            ObjectNode entry = list.addObject();
            entry.put("number", shown.number());
            entry.put("id", shown.id());
            entry.put("status", shown.status());
            if (shown.decision() != null) {
                entry.set("decision", shown.decision().toJson());
            } else {
                entry.putNull("decision");
                entry.put("problem", shown.problem());
            }
            entry.put("issuer", shown.issuer());
            if (shown.imported() != null) {
                entry.put("imported", shown.imported());
            }
        }
    }

    static void print(WalletCommand root, List<Shown> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        for (Shown shown : decisions) {
            root.out().println();
            if (shown.decision() == null) {
                root.out().println(Messages.get("share.decision.unreadable", shown.number(), shown.status(), shown.problem()));
                continue;
            }
            ExemptionDecision decision = shown.decision();
            root.out().println(Messages.get("share.decision.heading", shown.number(),
                    Messages.get("share.decision." + decision.decision().id()), decision.date(), shown.status()));
            if (!decision.grantedOutcomes().isEmpty()) {
                root.out().println("  " + Messages.get("share.decision.grantedFor"));
                decision.grantedOutcomes().forEach(outcome -> root.out().println("    - " + outcome));
            }
            root.out().println("  " + Messages.get("share.decision.grounds", decision.grounds()));
            root.out().println("  " + Messages.get("share.decision.body", decision.decidingBody()));
            root.out().println("  " + Messages.get("share.decision.appeal", decision.appeal()));
            if (decision.follows() != null) {
                root.out().println("  " + Messages.get("share.decision.follows", numberOf(decisions, decision.follows())));
            }
            if (shown.imported() != null) {
                root.out().println("  " + Messages.get("share.decision.imported", shown.imported()));
            }
        }
    }

    /** The number of the listed decision with this id, or the id itself when it is not listed. */
    private static String numberOf(List<Shown> decisions, String id) {
        for (Shown shown : decisions) {
            if (id.equals(shown.id())) {
                return String.valueOf(shown.number());
            }
        }
        return id;
    }
}
