package nl.learnerwallet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.jose.IssuerKeys;

/** Runs the wallet command in-process against a wallet home, with its own environment and streams. */
final class CliRun {

    static final String PASSPHRASE = "correct horse battery";

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private Clock clock = Clock.systemUTC();
    private nl.learnerwallet.model.fetch.GuardedFetcher fetcher;

    CliRun(Path home) {
        this.home = home;
        environment.put("WALLET_PASSPHRASE", PASSPHRASE);
    }

    CliRun withEnvironment(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** A fetcher of the test's own, e.g. one that trusts a loopback HTTPS issuer's test certificate. */
    CliRun withFetcher(nl.learnerwallet.model.fetch.GuardedFetcher value) {
        this.fetcher = value;
        return this;
    }

    CliRun withClock(Clock value) {
        this.clock = value;
        return this;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList("--home", home.toString()));
        all.addAll(Arrays.asList(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = WalletCommand.run(all.toArray(new String[0]), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, new WalletContext(clock, new SecureRandom(), IssuerKeys.offline(), fetcher != null ? fetcher
                        : nl.learnerwallet.model.fetch.GuardedFetcher.standard(
                                nl.learnerwallet.model.fetch.FetchConfig.parseAllow(environment.get("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS")))));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int exit, String out, String err) {
    }
}
