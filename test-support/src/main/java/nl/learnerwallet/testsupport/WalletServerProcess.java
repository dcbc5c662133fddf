package nl.learnerwallet.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real wallet-server, launched from its packaged jar (system property {@code wallet.server.jar})
 * on a free loopback port with its own SQLite file, as {@code wallet server} launches it. Stopped
 * gently or killed with SIGKILL. For the tests of every client: the command line's and the desktop app's.
 */
public final class WalletServerProcess implements AutoCloseable {

    private final Path database;
    private final Path log;
    private final int port;
    private final int managementPort;
    private Path trustList;
    private String databaseUrl;
    private Path classArchive;
    private Process process;

    public WalletServerProcess(Path folder) throws IOException {
        this(folder, freePort());
    }

    private WalletServerProcess(Path folder, int port) throws IOException {
        this.database = folder.resolve("wallet-server.db");
        this.log = folder.resolve("server.log");
        this.port = port;
        this.managementPort = freePort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The same server again (same folder and port), so that links made before stay valid. */
    public WalletServerProcess restartOnSamePort() throws IOException {
        WalletServerProcess again = new WalletServerProcess(database.getParent(), port);
        again.trustList = trustList;
        again.databaseUrl = databaseUrl;
        again.classArchive = classArchive;
        return again;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path database() {
        return database;
    }

    public long pid() {
        return process.pid();
    }

    /** Another database than the SQLite file: a PostgreSQL URL (user postgres, no password), say. */
    public WalletServerProcess onDatabase(String jdbcUrl) {
        this.databaseUrl = jdbcUrl;
        return this;
    }

    /** The issuers the share pages call recognised. */
    public WalletServerProcess trusting(Path file) {
        this.trustList = file;
        return this;
    }

    /**
     * For harnesses that start the server many times: the JVM's class data is archived at the first
     * gentle stop ({@link #close}) and mapped in by every later start, with only the client compiler.
     * Same jar, same code; a start under load took 2.5 s instead of 17.
     */
    public WalletServerProcess withFastRestarts(Path archive) {
        this.classArchive = archive;
        return this;
    }

    /** Starts the server and waits (up to 90 seconds) until its health endpoint (on the management port) answers. */
    public WalletServerProcess start() throws IOException, InterruptedException {
        String jar = System.getProperty("wallet.server.jar");
        if (jar == null || !Files.isRegularFile(Paths.get(jar))) {
            throw new IllegalStateException("the server jar is missing: " + jar + " (run mvn verify from the root)");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        if (classArchive != null) {
            command.add(Files.isRegularFile(classArchive) ? "-XX:SharedArchiveFile=" + classArchive
                    : "-XX:ArchiveClassesAtExit=" + classArchive);
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
        }
        command.add("-Dmicronaut.server.port=" + port);
        command.add("-Dmicronaut.server.host=127.0.0.1");
        command.add("-Dendpoints.all.port=" + managementPort);
        command.add("-Dwallet.database=" + database);
        command.add("-Dwallet.public-url=" + url());
        // Test issuers live on loopback; the share pages must be allowed to reach them.
        command.add("-Dwallet.fetch.allow-private-networks=true");
        if (trustList != null) {
            command.add("-Dwallet.trust-list=" + trustList);
        }
        if (databaseUrl != null) {
            command.add("-Ddatasources.default.url=" + databaseUrl);
            command.add("-Ddatasources.default.username=postgres");
        }
        command.add("-jar");
        command.add(jar);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting:\n" + Files.readString(log));
            }
            if (healthy()) {
                return this;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start:\n" + Files.readString(log));
    }

    private boolean healthy() {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + managementPort + "/health").openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush; what SQLite acknowledged must survive. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            // Writing the class archive at exit takes a while on a busy machine; cut short, there is none.
            boolean archiving = classArchive != null && !Files.isRegularFile(classArchive);
            try {
                if (!process.waitFor(archiving ? 180 : 30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
