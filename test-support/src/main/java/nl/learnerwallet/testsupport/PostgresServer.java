package nl.learnerwallet.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL for tests: {@code initdb} in a temporary folder, {@code postgres} on a free
 * loopback port (no Unix socket, no fsync: the data is thrown away), and a fresh database per
 * caller. The binaries come from the machine's PostgreSQL (Debian: {@code /usr/lib/postgresql/N/bin},
 * the newest N), from {@code PATH}, or from the folder named by the system property
 * {@code lw.postgres.bin}. PostgreSQL refuses to run as root, so as root both run as {@code nobody}
 * (through {@code setpriv}, else {@code runuser}), owning the folder.
 *
 * <p>{@link #shared()} starts one per JVM, stopped when the JVM ends; {@link #start()} a private one
 * to {@link #close()}.
 *
 * @see PostgresExtension for JUnit 5 tests, which fail when PostgreSQL is missing on CI and are skipped elsewhere
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser initdb makes; loopback connections are trusted, so it has no password. */
    public static final String USER = "postgres";

    private static final long START_SECONDS = 60;
    private static PostgresServer shared;

    private final Path folder;
    private final Process process;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path folder, Process process, int port) {
        this.folder = folder;
        this.process = process;
        this.port = port;
    }

    /**
     * The JVM's PostgreSQL, started on first use.
     *
     * @throws PostgresUnavailableException when PostgreSQL is not installed or does not start
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-test-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * A new private PostgreSQL for tests (no fsync); close it when done.
     *
     * @throws PostgresUnavailableException when PostgreSQL is not installed or does not start
     */
    public static PostgresServer start() {
        return start(false);
    }

    /**
     * A new private PostgreSQL; close it when done.
     *
     * @param durable whether commits are flushed to disk as in production (for benchmarks), or not (for tests)
     * @throws PostgresUnavailableException when PostgreSQL is not installed or does not start
     */
    public static PostgresServer start(boolean durable) {
        Path bin = binaries();
        Path folder;
        try {
            folder = Files.createTempDirectory("lw-postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RunAs runAs = RunAs.forThisProcess(folder);
            Path data = folder.resolve("data");
            run(runAs.wrap(Arrays.asList(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync")), folder, folder.resolve("initdb.log"));
            int port = freePort();
            List<String> command = new ArrayList<>(Arrays.asList(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", "", "-c", "max_connections=300",
                    "-c", "shared_buffers=" + (durable ? "128MB" : "32MB")));
            if (!durable) {
                command.addAll(List.of("-F", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            }
            Process process = new ProcessBuilder(runAs.wrap(command))
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("postgres.log").toFile()).start();
            PostgresServer server = new PostgresServer(folder, process, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            deleteQuietly(folder);
            throw new PostgresUnavailableException("PostgreSQL could not be started: " + e.getMessage(), e);
        } catch (PostgresUnavailableException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of a database in this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Makes a new, empty database and returns its JDBC URL (user {@link #USER}, no password). */
    public String createDatabase() {
        String name = "lw_test_" + databases.incrementAndGet();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("the test database " + name + " could not be made: " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** A connection to one of this server's databases as {@link #USER}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    /** Stops the server at once (fast shutdown: open connections are cut) and removes its folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for every pool to disconnect.
            List<ProcessHandle> targets = new ArrayList<>();
            targets.add(process.toHandle());
            process.descendants().forEach(targets::add);
            for (ProcessHandle target : targets) {
                signalInterrupt(target.pid());
            }
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deleteQuietly(folder);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new PostgresUnavailableException("PostgreSQL stopped while starting:\n" + log("postgres.log"), null);
            }
            try (Connection connection = connect("postgres")) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new PostgresUnavailableException("PostgreSQL did not accept connections within " + START_SECONDS + " s:\n"
                + log("postgres.log"), last);
    }

    private String log(String name) {
        try {
            return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + name + ")";
        }
    }

    /** The folder with initdb and postgres: named by {@code lw.postgres.bin}, Debian's newest, or on PATH. */
    static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        String named = System.getProperty("lw.postgres.bin");
        if (named != null && !named.isBlank()) {
            candidates.add(Paths.get(named));
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.filter(path -> path.getFileName().toString().matches("[0-9]+(\\.[0-9]+)?"))
                        .sorted(Comparator.comparingDouble((Path path) -> Double.parseDouble(path.getFileName().toString()))
                                .reversed())
                        .forEach(version -> candidates.add(version.resolve("bin")));
            } catch (IOException e) {
                // no Debian layout to look in
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                candidates.add(Paths.get(entry));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("postgres"))) {
                return candidate;
            }
        }
        throw new PostgresUnavailableException("PostgreSQL is not installed: no initdb and postgres in /usr/lib/postgresql/*/bin "
                + "or on PATH (on Debian: apt-get install postgresql; scripts/test does this)", null);
    }

    private static void run(List<String> command, Path directory, Path log) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PostgresUnavailableException(command.get(0) + " did not finish", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresUnavailableException("interrupted while running " + command.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new PostgresUnavailableException(String.join(" ", command) + " failed:\n"
                    + Files.readString(log, StandardCharsets.UTF_8), null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void signalInterrupt(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** How initdb and postgres are run: as this user, or — as root, which PostgreSQL refuses — as nobody. */
    private static final class RunAs {

        private final List<String> prefix;

        private RunAs(List<String> prefix) {
            this.prefix = prefix;
        }

        static RunAs forThisProcess(Path folder) throws IOException {
            if (!"0".equals(output("id", "-u"))) {
                return new RunAs(List.of());
            }
            String uid = output("id", "-u", "nobody");
            String gid = output("id", "-g", "nobody");
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.setAttribute(path, "unix:uid", Integer.parseInt(uid));
                    Files.setAttribute(path, "unix:gid", Integer.parseInt(gid));
                }
            }
            if (onPath("setpriv")) {
                // setpriv executes postgres in its own place, so the process we hold is postgres itself.
                return new RunAs(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
            }
            if (onPath("runuser")) {
                return new RunAs(List.of("runuser", "-u", "nobody", "--"));
            }
            throw new PostgresUnavailableException("running as root, and neither setpriv nor runuser is there to run "
                    + "PostgreSQL as an unprivileged user", null);
        }

        List<String> wrap(List<String> command) {
            List<String> wrapped = new ArrayList<>(prefix);
            wrapped.addAll(command);
            return wrapped;
        }

        private static boolean onPath(String command) {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Paths.get(entry, command))) {
                    return true;
                }
            }
            return false;
        }

        private static String output(String... command) throws IOException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            try {
                if (process.waitFor() != 0) {
                    throw new PostgresUnavailableException(String.join(" ", command) + " failed: " + out, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PostgresUnavailableException("interrupted", e);
            }
            return out;
        }
    }

    /** PostgreSQL is not installed here, or would not start; the message says which. */
    public static final class PostgresUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PostgresUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
