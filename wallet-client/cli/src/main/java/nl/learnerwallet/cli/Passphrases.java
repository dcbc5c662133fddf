package nl.learnerwallet.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import nl.learnerwallet.client.wallet.Wallet;

/**
 * Where the passphrase comes from, in the contract's order: {@code WALLET_PASSPHRASE}, then
 * {@code --passphrase-file}, then a prompt on the terminal that does not echo.
 */
final class Passphrases {

    private static final int MAX_FILE_BYTES = 4096;

    private final Map<String, String> environment;
    private final Path passphraseFile;
    private final Console console;

    Passphrases(Map<String, String> environment, Path passphraseFile, Console console) {
        this.environment = environment;
        this.passphraseFile = passphraseFile;
        this.console = console;
    }

    /** The passphrase that unlocks an existing wallet. */
    char[] current() {
        char[] given = given();
        return given != null ? given : prompt(Messages.get("prompt.passphrase"));
    }

    /**
     * A new passphrase: asked twice when prompted, so a typo does not lock the learner out, and
     * refused when too short before anything is written.
     */
    char[] chooseNew() {
        char[] chosen = given();
        if (chosen == null) {
            chosen = prompt(Messages.get("prompt.newPassphrase"));
            char[] second = prompt(Messages.get("prompt.repeatPassphrase"));
            if (!Arrays.equals(chosen, second)) {
                throw new CliException(ExitCode.BAD_INPUT, "PASSPHRASES_DIFFER", Messages.get("error.passphrasesDiffer"));
            }
        }
        if (chosen.length < Wallet.MIN_PASSPHRASE_LENGTH) {
            throw new CliException(ExitCode.BAD_INPUT, "WEAK_PASSPHRASE", Messages.get("wallet.WEAK_PASSPHRASE"));
        }
        return chosen;
    }

    /** The passphrase WALLET_PASSPHRASE or --passphrase-file gives, or null: never asked for (the desktop app asks itself). */
    char[] givenWithoutAsking() {
        return given();
    }

    /** A secret other than the passphrase (the recovery code), prompted without echo. */
    char[] secret(String prompt) {
        return prompt(prompt);
    }

    private char[] given() {
        String fromEnvironment = environment.get("WALLET_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (passphraseFile != null) {
            try {
                if (Files.size(passphraseFile) > MAX_FILE_BYTES) {
                    throw new CliException(ExitCode.BAD_INPUT, "PASSPHRASE_FILE", Messages.get("error.passphraseFile", passphraseFile));
                }
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                        Files.newInputStream(passphraseFile), StandardCharsets.UTF_8))) {
                    String line = reader.readLine();
                    if (line == null || line.isEmpty()) {
                        throw new CliException(ExitCode.BAD_INPUT, "PASSPHRASE_FILE", Messages.get("error.passphraseFile", passphraseFile));
                    }
                    return line.toCharArray();
                }
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "PASSPHRASE_FILE", Messages.get("error.passphraseFile", passphraseFile));
            }
        }
        return null;
    }

    private char[] prompt(String text) {
        if (console == null) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_PASSPHRASE", Messages.get("error.noPassphrase"));
        }
        char[] answer = console.readPassword("%s", text);
        if (answer == null) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_PASSPHRASE", Messages.get("error.noPassphrase"));
        }
        return answer;
    }
}
