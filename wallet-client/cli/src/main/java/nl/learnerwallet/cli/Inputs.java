package nl.learnerwallet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import nl.learnerwallet.model.format.CredentialReader;

/** Reading the file a learner names, with the size limit applied before a byte is read. */
final class Inputs {

    private Inputs() {
    }

    static boolean isUrl(String argument) {
        return argument.startsWith("https://") || argument.startsWith("http://");
    }

    static boolean isFile(String argument) {
        try {
            return Files.isRegularFile(Paths.get(argument));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static byte[] readFile(String argument) {
        Path path = Paths.get(argument);
        try {
            if (!Files.isRegularFile(path)) {
                throw new CliException(ExitCode.BAD_INPUT, "NO_SUCH_FILE", Messages.get("error.noSuchFile", argument));
            }
            if (Files.size(path) > CredentialReader.MAX_INPUT_BYTES) {
                throw new CliException(ExitCode.BAD_INPUT, "TOO_LARGE", Messages.get("input.refused", Messages.get("input.TOO_LARGE")));
            }
            try (InputStream in = Files.newInputStream(path)) {
                // Read at most one byte past the limit, in case the file grew since it was measured.
                byte[] buffer = new byte[CredentialReader.MAX_INPUT_BYTES + 1];
                int total = 0;
                int read;
                while (total < buffer.length && (read = in.read(buffer, total, buffer.length - total)) > 0) {
                    total += read;
                }
                if (total > CredentialReader.MAX_INPUT_BYTES) {
                    throw new CliException(ExitCode.BAD_INPUT, "TOO_LARGE", Messages.get("input.refused", Messages.get("input.TOO_LARGE")));
                }
                return java.util.Arrays.copyOf(buffer, total);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "UNREADABLE", Messages.get("error.unreadable", argument));
        }
    }
}
