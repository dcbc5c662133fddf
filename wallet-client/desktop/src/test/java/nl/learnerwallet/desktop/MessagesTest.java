package nl.learnerwallet.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.learnerwallet.client.home.WalletHomeException;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.wallet.WalletException;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.fetch.FetchProblem;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.api.Test;

/** The app speaks Dutch and English alike: the same keys in both, a word for every status, reason and problem the core has. */
class MessagesTest {

    private static final String BUNDLE = "/nl/learnerwallet/desktop/Messages";

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(load("_nl").stringPropertyNames())).isEqualTo(new TreeSet<>(load("").stringPropertyNames()));
    }

    @Test
    void everyValueOfTheCoresEnumsHasItsWords() throws IOException {
        List<String> wanted = new ArrayList<>();
        for (VerificationStatus status : VerificationStatus.values()) {
            wanted.add("status.short." + status.name());
            wanted.add("status.long." + status.name());
        }
        for (CredentialKind kind : CredentialKind.values()) {
            wanted.add("kind." + kind.name());
            wanted.add("kind.plural." + kind.name());
        }
        for (CheckId check : CheckId.values()) {
            wanted.add("check." + check.id());
        }
        for (Outcome outcome : Outcome.values()) {
            wanted.add("outcome." + outcome.id());
        }
        for (Reason reason : Reason.values()) {
            wanted.add("reason." + reason.name());
        }
        for (EuStandardElement element : EuStandardElement.values()) {
            wanted.add("eu." + element.id());
        }
        for (WalletException.Problem problem : WalletException.Problem.values()) {
            wanted.add("wallet." + problem.name());
        }
        for (ServerException.Problem problem : ServerException.Problem.values()) {
            wanted.add("server." + problem.name());
        }
        for (WalletHomeException.Problem problem : WalletHomeException.Problem.values()) {
            wanted.add("home." + problem.name());
        }
        for (InputProblem problem : InputProblem.values()) {
            wanted.add("input." + problem.name());
        }
        for (FetchProblem problem : FetchProblem.values()) {
            wanted.add("fetch." + problem.name());
        }
        for (SdJwtPresenter.PresentationException.Problem problem : SdJwtPresenter.PresentationException.Problem.values()) {
            wanted.add("present." + problem.name());
        }
        for (ExemptionDecision.Outcome outcome : ExemptionDecision.Outcome.values()) {
            wanted.add("decision." + outcome.id());
        }
        for (String step : new String[] {"CHOOSE", "CLAIMS", "SETTINGS", "RESULT"}) {
            wanted.add("wizard.step." + step);
        }
        for (String state : new String[] {"PENDING", "ACTIVE", "EXPIRED", "REVOKED", "USED_UP", "GONE", "UNKNOWN"}) {
            wanted.add("shares.state." + state);
        }
        assertThat(load("").stringPropertyNames()).containsAll(wanted);
    }

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        // A key given as a literal to the methods that look words up (maybe after an id).
        Pattern named = Pattern.compile("(?:Messages\\.getOr|Messages\\.get|Refusal|label|fieldLabel|heading|intro|section|tab|item)"
                + "\\(\\s*(?:\"[^\"]*\",\\s*)?\"([a-z][\\w.\\-]*)\"");
        Pattern chosen = Pattern.compile("\\? \"([a-z]+\\.[\\w.\\-]+)\"\\s*:\\s*\"([a-z]+\\.[\\w.\\-]+)\"");
        TreeSet<String> missing = new TreeSet<>();
        Properties english = load("");
        try (Stream<Path> sources = Files.walk(Paths.get("src/main/java"))) {
            for (Path source : (Iterable<Path>) sources.filter(path -> path.toString().endsWith(".java"))::iterator) {
                String code = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
                for (Pattern pattern : new Pattern[] {named, chosen}) {
                    Matcher matcher = pattern.matcher(code);
                    while (matcher.find()) {
                        for (int group = 1; group <= matcher.groupCount(); group++) {
                            String key = matcher.group(group);
                            if (!key.endsWith(".") && !english.containsKey(key)) {
                                missing.add(source.getFileName() + ": " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void anApostropheInAPatternWithArgumentsIsText() {
        assertThat(Messages.get("fetch.failed", "it timed out")).isEqualTo("The issuer's server could not be used: it timed out.");
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(BUNDLE + suffix + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
