package nl.learnerwallet.server;

import io.micronaut.runtime.Micronaut;

/** Starts wallet-server: accounts, end-to-end encrypted backups, shares and their pages. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
