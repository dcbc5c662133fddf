package nl.learnerwallet.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialFormat;

/**
 * Which claims of SD-JWT credentials to disclose: the {@code --disclose} names when given, else
 * the learner's answer at a terminal, else a clear refusal — never everything by default.
 */
final class DisclosureChoice {

    private DisclosureChoice() {
    }

    static List<String> resolve(WalletCommand root, Wallet wallet, List<String> ids, List<String> disclose) {
        List<String> choices = new ArrayList<>();
        for (String id : ids) {
            StoredCredential credential = wallet.credential(id);
            if (credential.format() == CredentialFormat.SD_JWT_VC) {
                for (String claim : SdJwtPresenter.choices(new String(wallet.presentable(credential), StandardCharsets.US_ASCII))) {
                    if (!choices.contains(claim)) {
                        choices.add(claim);
                    }
                }
            }
        }
        if (disclose != null && !disclose.isEmpty()) {
            return disclose;
        }
        if (choices.isEmpty()) {
            return Collections.singletonList(SdJwtPresenter.ALL); // nothing selective among them
        }
        if (root.console() == null || root.json()) {
            throw new CliException(ExitCode.BAD_INPUT, "CHOOSE_CLAIMS", Messages.get("disclose.choose", String.join(", ", choices)));
        }
        return ask(root, choices);
    }

    private static List<String> ask(WalletCommand root, List<String> choices) {
        root.out().println(Messages.get("disclose.prompt"));
        for (int i = 0; i < choices.size(); i++) {
            root.out().printf("  %2d) %s%n", i + 1, choices.get(i));
        }
        root.out().flush();
        String answer = root.console().readLine("%s", Messages.get("disclose.question"));
        if (answer == null) {
            throw new CliException(ExitCode.BAD_INPUT, "CHOOSE_CLAIMS", Messages.get("disclose.choose", String.join(", ", choices)));
        }
        answer = answer.trim();
        if (answer.equals("*") || answer.equalsIgnoreCase("all") || answer.equalsIgnoreCase("alles")) {
            return Collections.singletonList(SdJwtPresenter.ALL);
        }
        List<String> chosen = new ArrayList<>();
        for (String part : answer.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                int number = Integer.parseInt(part);
                if (number < 1 || number > choices.size()) {
                    throw new CliException(ExitCode.BAD_INPUT, "CHOOSE_CLAIMS", Messages.get("disclose.badNumber", part));
                }
                chosen.add(choices.get(number - 1));
            } catch (NumberFormatException name) {
                chosen.add(part);
            }
        }
        return chosen;
    }
}
