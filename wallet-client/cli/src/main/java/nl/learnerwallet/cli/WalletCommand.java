package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.store.StoreException;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.client.wallet.WalletException;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code wallet}: the learner's wallet on the command line. */
@Command(name = "wallet",
        resourceBundle = "nl.learnerwallet.cli.Help",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = WalletCommand.Version.class,
        usageHelpAutoWidth = true,
        subcommands = {
            InitCommand.class,
            PassphraseCommand.class,
            IdentityCommand.class,
            TrustCommand.class,
            ImportCommand.class,
            ExperienceCommand.class,
            DiplomaCommand.class,
            ListCommand.class,
            ShowCommand.class,
            VerifyCommand.class,
            DeleteCommand.class,
            ExportCommand.class,
            AccountCommand.class,
            BackupCommand.Backup.class,
            BackupCommand.Sync.class,
            RestoreCommand.class,
            HolderKeyCommand.class,
            ServerCommand.class,
            ShareCommand.class,
            PresentCommand.class,
            ReceiveCommand.class,
            DemoCommand.class,
            DesktopCommand.class,
            IssuerCommand.class,
            CommandLine.HelpCommand.class
        })
public final class WalletCommand implements Runnable {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT, descriptionKey = "option.home",
            description = "The wallet's folder (default: $WALLET_HOME, else ~/.learner-wallet).")
    Path home;

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = ScopeType.INHERIT, descriptionKey = "option.passphraseFile",
            description = "Read the passphrase from the first line of FILE (else $WALLET_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, descriptionKey = "option.json",
            description = "Print one JSON document on stdout and nothing else there.")
    boolean json;

    /** {@code wallet.fetch.allow-private-networks}: lets the fetcher reach loopback, for tests and the demo. */
    static final String ALLOW_PRIVATE_NETWORKS = "WALLET_FETCH_ALLOW_PRIVATE_NETWORKS";

    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Console console;
    private final WalletContext context;

    WalletCommand(Map<String, String> environment, PrintWriter out, PrintWriter err, Console console, WalletContext context) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.console = console;
        this.context = context;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Map<String, String> environment = System.getenv();
        System.exit(run(args, environment, stdout, stderr, System.console(), WalletContext.standard(
                nl.learnerwallet.model.fetch.FetchConfig.parseAllow(environment.get(ALLOW_PRIVATE_NETWORKS)))));
    }

    /** Runs the command; the streams and environment are the caller's so that tests run it in-process. */
    static int run(String[] args, Map<String, String> environment, PrintStream stdout, PrintStream stderr,
            Console console, WalletContext context) {
        // UTF-8 whatever the platform's default: with an uninstalled locale Java 17 would write ASCII.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        WalletCommand root = new WalletCommand(environment, out, err, console, context);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((problem, arguments) -> {
            err.println(problem.getMessage() + ". " + Messages.get("error.seeHelp",
                    problem.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> root.fail(exception));
        int exit = commandLine.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), Messages.get("error.noCommand"));
    }

    // ---- what subcommands share

    WalletHome home() {
        return new WalletHome(nl.learnerwallet.client.home.WalletHome.locate(home, environment.get("WALLET_HOME"),
                System.getProperty("user.home")));
    }

    /** A variable of the command's environment (the process's, or a test's), or null. */
    String environment(String name) {
        return environment.get(name);
    }

    Passphrases passphrases() {
        return new Passphrases(environment, passphraseFile, console);
    }

    WalletContext context() {
        return context;
    }

    /** The terminal to ask the learner on, or null when there is none (a script, a pipe, a test). */
    Console console() {
        return console;
    }

    /** The environment the command was started with (a test's own when run in-process). */
    Map<String, String> environment() {
        return environment;
    }

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Opens and unlocks the wallet in the home folder. */
    Wallet unlock() {
        RecordStore store = home().openStore(false);
        try {
            return Wallet.unlock(store, passphrases().current(), context);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Prints a JSON document (pretty, one document) on stdout. */
    void printJson(JsonNode document) {
        try {
            out.println(StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /** Turns any failure into one sentence on stderr and the contract's exit code. */
    private int fail(Exception exception) {
        int exit;
        String code;
        String sentence;
        if (exception instanceof CliException) {
            CliException failure = (CliException) exception;
            exit = failure.exitCode();
            code = failure.code();
            sentence = failure.getMessage();
        } else if (exception instanceof WalletException) {
            WalletException failure = (WalletException) exception;
            exit = failure.problem() == WalletException.Problem.DAMAGED ? ExitCode.NOT_VERIFIED : ExitCode.BAD_INPUT;
            code = failure.problem().name();
            sentence = Messages.getOr("wallet." + code, failure.getMessage());
        } else if (exception instanceof nl.learnerwallet.model.format.SelfDeclaredEntry.InvalidEntryException) {
            nl.learnerwallet.model.format.SelfDeclaredEntry.InvalidEntryException failure =
                    (nl.learnerwallet.model.format.SelfDeclaredEntry.InvalidEntryException) exception;
            exit = ExitCode.BAD_INPUT;
            code = failure.problem().name();
            sentence = DeclaredEntries.refusal(failure);
        } else if (exception instanceof UntrustedInputException) {
            UntrustedInputException failure = (UntrustedInputException) exception;
            exit = ExitCode.BAD_INPUT;
            code = failure.problem().name();
            sentence = Messages.get("input.refused", Messages.getOr("input." + code, failure.getMessage()));
        } else if (exception instanceof ServerException) {
            ServerException failure = (ServerException) exception;
            code = failure.problem().name();
            exit = failure.problem() == ServerException.Problem.UNREACHABLE ? ExitCode.UNREACHABLE
                    : failure.problem() == ServerException.Problem.NOT_REGISTERED ? ExitCode.BAD_INPUT : ExitCode.NOT_VERIFIED;
            sentence = Messages.get("server." + code, failure.getMessage());
        } else if (exception instanceof nl.learnerwallet.model.fetch.FetchException) {
            nl.learnerwallet.model.fetch.FetchException failure = (nl.learnerwallet.model.fetch.FetchException) exception;
            exit = ExitCode.UNREACHABLE;
            code = "FETCH_" + failure.problem().name();
            sentence = Messages.get("fetch.failed", Messages.getOr("fetch." + failure.problem().name(), failure.getMessage()));
        } else if (exception instanceof nl.learnerwallet.client.share.SdJwtPresenter.PresentationException) {
            nl.learnerwallet.client.share.SdJwtPresenter.PresentationException failure =
                    (nl.learnerwallet.client.share.SdJwtPresenter.PresentationException) exception;
            exit = ExitCode.BAD_INPUT;
            code = failure.problem().name();
            sentence = Messages.get("present." + code, failure.claim(), String.join(", ", failure.choices()));
        } else if (exception instanceof nl.learnerwallet.client.oid4vc.Oid4vcException) {
            nl.learnerwallet.client.oid4vc.Oid4vcException failure = (nl.learnerwallet.client.oid4vc.Oid4vcException) exception;
            code = failure.problem().name();
            exit = ProtocolLinks.exitCode(failure.problem());
            sentence = ProtocolLinks.sentence(failure);
        } else if (exception instanceof nl.learnerwallet.issuer.IssuerException) {
            nl.learnerwallet.issuer.IssuerException failure = (nl.learnerwallet.issuer.IssuerException) exception;
            exit = ExitCode.BAD_INPUT;
            code = failure.problem().name();
            sentence = IssuerCommand.sentence(failure);
        } else if (exception instanceof StoreException || exception instanceof DecryptionFailedException) {
            exit = ExitCode.BAD_INPUT;
            code = "STORE";
            sentence = Messages.get("error.store");
        } else {
            exit = ExitCode.BAD_INPUT;
            code = "INTERNAL";
            sentence = Messages.get("error.internal", exception.getClass().getSimpleName());
        }
        if (json) {
            ObjectNode document = StrictJson.mapper().createObjectNode();
            document.put("error", code);
            document.put("message", sentence);
            printJson(document);
        }
        err.println(sentence);
        return exit;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WalletCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wallet " + (version == null ? "development" : version)};
        }
    }
}
