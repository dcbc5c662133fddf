package nl.learnerwallet.benchmarks;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The packaged wallet-server as the harnesses run it: its own process on a free loopback port
 * (and a free management port), with the JVM options `wallet server` uses
 * (ServerCommand.jvmOptions) and a fresh SQLite file, unless the options name another database.
 */
final class ServerUnderTest implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;

    private ServerUnderTest(Process process, int port, int managementPort) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** Starts the server with its data under {@code folder/server} and returns once it answered its first request. */
    static ServerUnderTest start(Path serverJar, Path folder, String... options) throws IOException, InterruptedException {
        return start(serverJar, folder, "server", 0, Arrays.asList(options));
    }

    /** As {@link #start(Path, Path, String, int, List)} on a free port. */
    static ServerUnderTest start(Path serverJar, Path folder, String name, List<String> options)
            throws IOException, InterruptedException {
        return start(serverJar, folder, name, 0, options);
    }

    /**
     * Starts a server named {@code name}: its SQLite file in {@code folder/name} (unless the
     * options set {@code datasources.default.url}) and its log in {@code folder/name.log}; on
     * {@code port}, or a free one for 0 (a server started again on its port keeps its links' audience).
     */
    static ServerUnderTest start(Path serverJar, Path folder, String name, int wantedPort, List<String> options)
            throws IOException, InterruptedException {
        int port = wantedPort == 0 ? freePort() : wantedPort;
        int managementPort = freePort();
        List<String> command = new ArrayList<>(Arrays.asList(java(), "-XX:+UseSerialGC", "-Xmx256m", "-Xss512k",
                "-Dmicronaut.server.port=" + port, "-Dendpoints.all.port=" + managementPort,
                "-Dwallet.public-url=http://127.0.0.1:" + port,
                "-Dwallet.database=" + folder.resolve(name).resolve("wallet-server.db")));
        command.addAll(options);
        command.add("-jar");
        command.add(serverJar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve(name + ".log").toFile())).start();
        ServerUnderTest server = new ServerUnderTest(process, port, managementPort);
        server.waitHealthy();
        return server;
    }

    /** The options that put a server on a PostgreSQL database. */
    static List<String> onPostgres(String jdbcUrl) {
        return List.of("-Ddatasources.default.url=" + jdbcUrl, "-Ddatasources.default.username=postgres",
                "-Ddatasources.default.password=");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Resident memory (VmRSS) of the server process, in KiB. */
    long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void waitHealthy() throws InterruptedException {
        while (process.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + managementPort + "/health")
                        .openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server stopped while starting");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
