package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Consent;
import nl.learnerwallet.client.oid4vc.DcqlMatcher;
import nl.learnerwallet.client.oid4vc.Oid4vcException;
import nl.learnerwallet.client.oid4vc.PresentationRequest;
import nl.learnerwallet.client.oid4vc.VerifierResponder;
import nl.learnerwallet.client.oid4vc.WalletProtocols;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustEntry;

/**
 * {@code wallet present --request URI|QR_IMAGE}: shows the learner who asks (and whether the wallet
 * could check that), what they ask for and which of the learner's credentials and claims would
 * answer it; sends nothing until the learner says yes (at the terminal, or {@code --yes} after
 * having read it), then answers by {@code direct_post}.
 */
final class VerifierRequestAnswer {

    private final WalletCommand root;
    private final Map<String, String> choices;
    private final boolean consented;
    private final boolean includeOptional;
    private final List<String> withheld;

    /**
     * @param choices {@code --choose QUERY=ID}: which credential answers a query where several could
     * @param consented {@code --yes}
     * @param withheld {@code --withhold CLAIM}: asked-for claims the learner keeps back anyway
     */
    VerifierRequestAnswer(WalletCommand root, Map<String, String> choices, boolean consented, boolean includeOptional,
            List<String> withheld) {
        this.root = root;
        this.choices = choices;
        this.consented = consented;
        this.includeOptional = includeOptional;
        this.withheld = withheld;
    }

    int answer(String source) {
        String link = ProtocolLinks.read(source);
        GuardedFetcher fetcher = fetcher(root);
        try (Wallet wallet = root.unlock()) {
            PresentationRequest request = PresentationRequest.read(link, fetcher, root.context().issuerKeys(),
                    root.context().clock());
            DcqlMatcher.Plan plan = DcqlMatcher.plan(request.query(), WalletProtocols.candidates(wallet));
            List<VerifierResponder.Chosen> chosen = new ArrayList<>();
            for (Map.Entry<String, List<DcqlMatcher.Match>> query : plan.required().entrySet()) {
                chosen.add(new VerifierResponder.Chosen(query.getKey(), withhold(choose(query.getKey(), query.getValue()))));
            }
            if (includeOptional) {
                for (Map.Entry<String, List<DcqlMatcher.Match>> query : plan.optional().entrySet()) {
                    chosen.add(new VerifierResponder.Chosen(query.getKey(), withhold(choose(query.getKey(), query.getValue()))));
                }
            }
            // What the learner is shown and what is sent are one object: the claims each disclosure reveals.
            Consent consent = Consent.of(request, chosen);
            PrintWriter show = root.json() ? root.err() : root.out();
            describe(show, consent, includeOptional ? new LinkedHashMap<>() : plan.optional());
            if (!consent(request)) {
                throw new Oid4vcException(Oid4vcException.Problem.DECLINED, "you did not agree, so nothing was sent");
            }
            VerifierResponder.Sent sent = VerifierResponder.respond(consent, wallet.holderKey(), root.context().clock(), fetcher);
            report(request, chosen, sent);
            return ExitCode.OK;
        }
    }

    /**
     * The match without the claims the learner keeps back: the verifier may then refuse the answer,
     * but it is the learner's data, and the learner is told before anything is sent.
     */
    private DcqlMatcher.Match withhold(DcqlMatcher.Match match) {
        if (withheld.isEmpty()) {
            return match;
        }
        if (match.wholeCredential()) {
            throw new CliException(ExitCode.BAD_INPUT, "NOT_SELECTIVE", Messages.get("present.notSelective"));
        }
        List<String> disclose = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String claim : match.disclose()) {
            boolean held = false;
            for (String name : withheld) {
                held |= claim.equals(name) || claim.startsWith(name + ".");
            }
            (held ? kept : disclose).add(claim);
        }
        if (!kept.isEmpty()) {
            PrintWriter show = root.json() ? root.err() : root.out();
            show.println(Messages.get("request.withheld", String.join(", ", kept)));
        }
        return new DcqlMatcher.Match(match.candidate(), disclose, disclose);
    }

    static GuardedFetcher fetcher(WalletCommand root) {
        return root.context().fetcher() != null ? root.context().fetcher() : GuardedFetcher.standard(false);
    }

    private DcqlMatcher.Match choose(String queryId, List<DcqlMatcher.Match> matches) {
        String wanted = choices.get(queryId);
        if (wanted != null) {
            for (DcqlMatcher.Match match : matches) {
                if (match.candidate().id().startsWith(wanted)) {
                    return match;
                }
            }
            throw new CliException(ExitCode.BAD_INPUT, "NO_SUCH_CHOICE", Messages.get("request.noSuchChoice", wanted, queryId));
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        List<String> listed = new ArrayList<>();
        for (DcqlMatcher.Match match : matches) {
            listed.add(match.candidate().id() + " (" + match.candidate().title() + ")");
        }
        if (root.console() == null || root.json()) {
            throw new CliException(ExitCode.BAD_INPUT, "CHOICE_NEEDED",
                    Messages.get("request.choiceNeeded", queryId, String.join(", ", listed)));
        }
        root.out().println(Messages.get("request.several", queryId));
        for (int i = 0; i < matches.size(); i++) {
            root.out().println("  " + (i + 1) + ". " + listed.get(i));
        }
        root.out().flush();
        String answer = root.console().readLine("%s", Messages.get("request.which"));
        try {
            return matches.get(Integer.parseInt(answer == null ? "" : answer.trim()) - 1);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_SUCH_CHOICE", Messages.get("disclose.badNumber", answer));
        }
    }

    private void describe(PrintWriter show, Consent consent, Map<String, List<DcqlMatcher.Match>> notSent) {
        PresentationRequest request = consent.request();
        show.println(Messages.get("request.verifier", readable(request.verifier())));
        TrustEntry trusted = root.home().trustList().find(request.verifier());
        if (!request.verifierAuthenticated()) {
            show.println("  " + Messages.get("request.unauthenticated"));
        } else if (trusted != null) {
            show.println("  " + Messages.get("request.trusted", trusted.name()));
        } else {
            show.println("  " + Messages.get("request.untrusted"));
        }
        show.println("  " + Messages.get("request.responseTo", request.responseUri()));
        show.println(Messages.get("request.wouldSend"));
        for (Consent.Item each : consent.items()) {
            DcqlMatcher.Match match = each.match();
            show.println("  • " + match.candidate().title() + " (" + match.candidate().id() + ")");
            if (match.wholeCredential()) {
                show.println("    " + Messages.get("request.whole"));
            } else if (each.shownClaims().isEmpty()) {
                show.println("    " + Messages.get("request.nothingSelective"));
            } else {
                show.println("    " + Messages.get("request.shows", String.join(", ", each.shownClaims())));
            }
        }
        if (!notSent.isEmpty()) {
            show.println(Messages.get("request.optional", String.join(", ", notSent.keySet())));
        }
        show.flush();
    }

    /**
     * A did:jwk is a whole key in base64url, hundreds of characters nobody reads: its start and end
     * are enough to tell two apart at a glance (the trust list gives the name; --json the full id).
     */
    static String readable(String verifier) {
        return verifier.length() <= 64 ? verifier : verifier.substring(0, 40) + "…" + verifier.substring(verifier.length() - 12);
    }

    private boolean consent(PresentationRequest request) {
        if (consented) {
            return true;
        }
        if (root.console() == null || root.json()) {
            throw new CliException(ExitCode.BAD_INPUT, "CONSENT_REQUIRED", Messages.get("request.consentRequired"));
        }
        String answer = root.console().readLine("%s", Messages.get("request.consent", readable(request.verifier())));
        String normalised = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        return normalised.equals("y") || normalised.equals("yes") || normalised.equals("j") || normalised.equals("ja");
    }

    private void report(PresentationRequest request, List<VerifierResponder.Chosen> chosen, VerifierResponder.Sent sent) {
        if (root.json()) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("sent", true);
            document.put("verifier", request.verifier());
            document.put("clientId", request.clientId());
            ArrayNode credentials = document.putArray("credentials");
            for (VerifierResponder.Chosen each : chosen) {
                ObjectNode entry = credentials.addObject();
                entry.put("query", each.queryId());
                entry.put("id", each.match().candidate().id());
                ArrayNode disclosed = entry.putArray("disclosed");
                each.match().disclose().forEach(disclosed::add);
            }
            if (sent.redirectUri() != null) {
                document.put("redirectUri", sent.redirectUri());
            }
            root.printJson(document);
            return;
        }
        root.out().println(Messages.get("request.sent", readable(request.verifier())));
        if (sent.redirectUri() != null) {
            root.out().println(Messages.get("request.redirect", sent.redirectUri()));
        }
    }
}
