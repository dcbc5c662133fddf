package nl.learnerwallet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: a way back to the root command's options and streams. */
abstract class Subcommand {

    @Spec
    CommandSpec spec;

    WalletCommand root() {
        return (WalletCommand) spec.root().userObject();
    }
}
