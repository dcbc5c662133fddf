package nl.learnerwallet.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The programs the command launches rather than links, each from its own jar: the server (which
 * the client never links) and the desktop app (whose JavaFX the command line never needs).
 */
final class Programs {

    private Programs() {
    }

    /**
     * The program's jar: the one ./wallet names in a system property, else where the source tree
     * builds it, relative to this command's own jar.
     *
     * @throws CliException with the code and message key given when there is no such jar
     */
    static Path jar(String property, String besideThisCommand, String code, String messageKey) throws IOException {
        String named = System.getProperty(property);
        Path jar;
        if (named != null) {
            jar = Paths.get(named);
        } else {
            try {
                Path cliJar = Paths.get(Programs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                jar = cliJar.getParent().resolve(besideThisCommand).normalize();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new CliException(ExitCode.BAD_INPUT, code, Messages.get(messageKey, jar));
        }
        return jar;
    }

    /** Runs the program until it ends; Ctrl-C on this command ends it too. @return its exit code */
    static int runToEnd(ProcessBuilder program) throws IOException, InterruptedException {
        Process process = program.start();
        Thread stopper = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stopper);
        int exit = process.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is already running and stops the program.
        }
        return exit;
    }
}
