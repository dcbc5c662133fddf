package nl.learnerwallet.testsupport;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real wallet-server for the command's and the Android app's tests: {@link WalletServerProcess}
 * (shared with the desktop app's tests), under the name these tests have always used.
 */
public final class ServerProcess implements AutoCloseable {

    private final WalletServerProcess server;

    public ServerProcess(Path folder) throws IOException {
        this(new WalletServerProcess(folder));
    }

    private ServerProcess(WalletServerProcess server) {
        this.server = server;
    }

    /** The same server again (same folder and port), so that links made before stay valid. */
    public ServerProcess restartOnSamePort() throws IOException {
        return new ServerProcess(server.restartOnSamePort());
    }

    public String url() {
        return server.url();
    }

    public Path database() {
        return server.database();
    }

    public long pid() {
        return server.pid();
    }

    /** Another database than the SQLite file: a PostgreSQL URL (user postgres, no password), say. */
    public ServerProcess onDatabase(String jdbcUrl) {
        server.onDatabase(jdbcUrl);
        return this;
    }

    /** See {@link WalletServerProcess#withFastRestarts}. */
    public ServerProcess withFastRestarts(Path archive) {
        server.withFastRestarts(archive);
        return this;
    }

    /** The issuers the share pages call recognised. */
    public ServerProcess trusting(Path file) {
        server.trusting(file);
        return this;
    }

    public ServerProcess start() throws IOException, InterruptedException {
        server.start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush; what SQLite acknowledged must survive. */
    public void kill() throws InterruptedException {
        server.kill();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
