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

/**
 * {@code wallet server}: runs wallet-server on its embedded SQLite database, by launching the
 * server's own jar (the client never links server code). Runs until Ctrl-C.
 */
@Command(name = "server", description = "Run the wallet server on an embedded SQLite database, until Ctrl-C.")
final class ServerCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "option.port",
            description = "The port to listen on (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--db", paramLabel = "FILE", descriptionKey = "option.db",
            description = "The SQLite database file (default ~/.learner-wallet-server/wallet-server.db).")
    Path database;

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
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_PORT", Messages.get("error.badPort", port));
        }
        Path db = database != null ? database
                : Paths.get(System.getProperty("user.home"), ".learner-wallet-server", "wallet-server.db");
        if (trustList != null && !Files.isRegularFile(trustList)) {
            throw new CliException(ExitCode.BAD_INPUT, "NO_SUCH_FILE", Messages.get("error.noSuchFile", trustList));
        }
        List<String> command = command(serverJar(), port, host, db, publicUrl != null ? publicUrl : "http://localhost:" + port,
                trustList);
        root().err().println(Messages.get("server.starting", db.toAbsolutePath()));
        int exit = Programs.runToEnd(new ProcessBuilder(command).inheritIO());
        return exit == 0 || exit == 130 || exit == 143 ? ExitCode.OK : ExitCode.UNREACHABLE;
    }

    /** The command line that runs the server jar on an SQLite file; also what {@code wallet demo} starts. */
    static List<String> command(Path jar, int port, String host, Path db, String publicUrl, Path trustList) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(jar));
        command.add("-Dmicronaut.server.port=" + port);
        command.add("-Dmicronaut.server.host=" + host);
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

    /** The server jar: named by ./wallet (wallet.server.jar), else beside this command in the source tree. */
    static Path serverJar() throws IOException {
        return Programs.jar("wallet.server.jar", "../../../wallet-server/target/wallet-server.jar", "NO_SERVER_JAR",
                "error.noServerJar");
    }
}
