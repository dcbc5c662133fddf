package nl.learnerwallet.cli;

import java.io.IOException;
import java.nio.file.Path;
import nl.learnerwallet.testsupport.WalletServerProcess;

/**
 * The real wallet-server for the command's tests: test-support's {@link WalletServerProcess}
 * (shared with the desktop app's tests), under the name these tests have always used.
 */
final class ServerProcess implements AutoCloseable {

    private final WalletServerProcess server;

    ServerProcess(Path folder) throws IOException {
        this(new WalletServerProcess(folder));
    }

    private ServerProcess(WalletServerProcess server) {
        this.server = server;
    }

    /** The same server again (same folder and port), so that links made before stay valid. */
    ServerProcess restartOnSamePort() throws IOException {
        return new ServerProcess(server.restartOnSamePort());
    }

    String url() {
        return server.url();
    }

    Path database() {
        return server.database();
    }

    long pid() {
        return server.pid();
    }

    /** Another database than the SQLite file: a PostgreSQL URL (user postgres, no password), say. */
    ServerProcess onDatabase(String jdbcUrl) {
        server.onDatabase(jdbcUrl);
        return this;
    }

    /** The issuers the share pages call recognised. */
    ServerProcess trusting(Path file) {
        server.trusting(file);
        return this;
    }

    ServerProcess start() throws IOException, InterruptedException {
        server.start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush; what SQLite acknowledged must survive. */
    void kill() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
