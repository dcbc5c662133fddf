package nl.learnerwallet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code wallet server}: runs wallet-server on its embedded SQLite database, by launching the
 * server's own jar (the client never links server code). Runs until Ctrl-C.
 */
@Command(name = "server", description = "Run the wallet server on an embedded SQLite database, until Ctrl-C.",
        subcommands = {ServerCommand.Admin.class, ServerCommand.MigrateTo.class})
final class ServerCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "option.port",
            description = "The port to listen on (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--db", paramLabel = "FILE", descriptionKey = "option.db",
            description = "The SQLite database file (default ~/.learner-wallet-server/wallet-server.db).")
    Path database;

    @Option(names = "--management-port", paramLabel = "N", defaultValue = "8081", descriptionKey = "option.managementPort",
            description = "The port for health and metrics, for operators only (default 8081; 0 picks a free one).")
    int managementPort;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", descriptionKey = "option.host",
            description = "The address to listen on (default 127.0.0.1, this machine only).")
    String host;

    @Option(names = "--trust-list", paramLabel = "FILE", descriptionKey = "option.serverTrustList",
            description = "The issuers the share pages call recognised: a trust list file, e.g. your wallet's trust.json.")
    Path trustList;

    @Option(names = "--public-url", paramLabel = "URL", descriptionKey = "option.publicUrl",
            description = "The address people reach the server at, for links (default http://localhost:PORT).")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
        for (int each : new int[] {port, managementPort}) {
            if (each < 0 || each > 65535) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_PORT", Messages.get("error.badPort", each));
            }
        }
        int management = managementPort == 0 ? freePort() : managementPort;
        Path db = databaseOrDefault(database);
        if (trustList != null && !Files.isRegularFile(trustList)) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_SUCH_FILE", Messages.get("error.noSuchFile", trustList));
        }
        List<String> command = command(serverJar(), port, management, host, db,
                publicUrl != null ? publicUrl : "http://localhost:" + port, trustList);
        root().err().println(Messages.get("server.starting", db.toAbsolutePath()));
        root().err().println(Messages.get("server.management", "http://" + host + ":" + management));
        int exit = Programs.runToEnd(new ProcessBuilder(command).inheritIO());
        return exit == 0 || exit == 130 || exit == 143 ? ExitCode.OK : ExitCode.UNREACHABLE;
    }

    /**
     * The command line that runs the server jar on an SQLite file, with health and metrics on
     * {@code managementPort}; also what {@code wallet demo} starts.
     */
    static List<String> command(Path jar, int port, int managementPort, String host, Path db, String publicUrl, Path trustList) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(jar));
        command.add("-Dmicronaut.server.port=" + port);
        command.add("-Dmicronaut.server.host=" + host);
        command.add("-Dendpoints.all.port=" + managementPort);
        // Plain log lines for a person at a terminal; a deployment running the jar gets JSON.
        command.add("-DWALLET_LOG_FORMAT=TEXT");
        command.add("-Dwallet.database=" + db.toAbsolutePath());
        command.add("-Dwallet.public-url=" + publicUrl);
        if (trustList != null) {
            command.add("-Dwallet.trust-list=" + trustList.toAbsolutePath());
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * How the server's JVM runs: the serial collector and a bounded heap keep a lightweight server
     * small (it holds no state in memory; the largest request is a 16 MiB backup), and a class-data
     * sharing archive made on the first run halves the time to the first answer. The archive sits
     * beside the jar and is made again when the jar is newer. BENCHMARKS.md has the figures.
     */
    static List<String> jvmOptions(Path jar) {
        List<String> options = new ArrayList<>();
        options.add("-XX:+UseSerialGC");
        options.add("-Xmx256m");
        options.add("-Xss512k");
        Path archive = jar.resolveSibling("wallet-server.jsa");
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                options.add("-XX:SharedArchiveFile=" + archive);
            } else {
                Files.deleteIfExists(archive);
                options.add("-XX:ArchiveClassesAtExit=" + archive);
            }
        } catch (IOException e) {
            // Without the archive the server only starts more slowly.
        }
        return options;
    }

    /** The SQLite file named, else the one `wallet server` uses by default. */
    static Path databaseOrDefault(Path database) {
        return database != null ? database : Paths.get(System.getProperty("user.home"), ".learner-wallet-server", "wallet-server.db");
    }

    /**
     * One of the server jar's own commands for operators, run on the server's database: the
     * SQLite file of {@code --db} (default as {@code wallet server}), or whatever the environment
     * names ({@code DATASOURCES_DEFAULT_URL}, ...). Its words go to the jar as they are; it
     * prints and exits as the jar does.
     */
    abstract static class JarCommand extends Subcommand implements Callable<Integer> {

        @Option(names = "--db", paramLabel = "FILE", descriptionKey = "option.db",
                description = "The SQLite database file (default ~/.learner-wallet-server/wallet-server.db).")
        Path database;

        @Unmatched
        List<String> words = new ArrayList<>();

        abstract String verb();

        @Override
        public Integer call() throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            // A short run: the quick compiler only, and no class-data archive made from it.
            command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-DWALLET_LOG_FORMAT=TEXT"));
            command.add("-Dwallet.database=" + databaseOrDefault(database).toAbsolutePath());
            command.add("-jar");
            command.add(serverJar().toString());
            command.add(verb());
            command.addAll(words);
            if (root().json()) {
                command.add("--json");
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(root().environment());
            Path errors = Files.createTempFile("wallet-server-command", ".err");
            try {
                Process process = builder.redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int exit = process.waitFor();
                root().out().print(out);
                root().out().flush();
                root().err().print(Files.readString(errors));
                root().err().flush();
                return exit;
            } finally {
                Files.deleteIfExists(errors);
            }
        }
    }

    /** {@code wallet server admin takedown|suspend|unsuspend|log ...}. */
    @Command(name = "admin", description = "As the server's operator: take a share down, suspend or unsuspend an account "
            + "(each with --reason), or show the audit trail (log).")
    static final class Admin extends JarCommand {
        @Override
        String verb() {
            return "admin";
        }
    }

    /** {@code wallet server migrate-to JDBC_URL --from FILE}. */
    @Command(name = "migrate-to", description = "Copy a server's data from its SQLite file (--from) into an empty "
            + "PostgreSQL database (user and password from DATASOURCES_DEFAULT_USERNAME and _PASSWORD).")
    static final class MigrateTo extends JarCommand {
        @Override
        String verb() {
            return "migrate-to";
        }
    }

    /** A free port on this machine, for a server that needs one. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The server jar: named by ./wallet (wallet.server.jar), else beside this command in the source tree. */
    static Path serverJar() throws IOException {
        return Programs.jar("wallet.server.jar", "../../../wallet-server/target/wallet-server.jar", "NO_SERVER_JAR",
                "error.noServerJar");
    }
}
