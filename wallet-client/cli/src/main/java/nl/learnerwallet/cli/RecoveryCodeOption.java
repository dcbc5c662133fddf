package nl.learnerwallet.cli;

import picocli.CommandLine.Option;

/** {@code --recovery-code CODE}, asked for without echo when left out (so it need not stand in the shell's history). */
final class RecoveryCodeOption {

    @Option(names = "--recovery-code", paramLabel = "CODE", descriptionKey = "option.recoveryCode",
            description = "The recovery code shown at init (asked for when left out).")
    String recoveryCode;

    String text(WalletCommand root) {
        return recoveryCode != null ? recoveryCode : new String(root.passphrases().secret(Messages.get("prompt.recoveryCode")));
    }
}
