package nl.learnerwallet.issuer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import nl.learnerwallet.model.json.StrictJson;

/**
 * Writing the organisation's files so that a crash leaves the old file or the new one, never half
 * of either (a temporary file beside it, then a rename), and reading them with a size limit.
 */
final class AtomicFiles {

    /** Owner-only: the private key file. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    static void write(Path file, byte[] content) {
        write(file, content, null);
    }

    static void writeJson(Path file, JsonNode document) {
        try {
            write(file, StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Writes a file that only its owner may read (mode 600 where the file system has modes). */
    static void writePrivate(Path file, byte[] content) {
        write(file, content, OWNER_ONLY);
    }

    /** A new file; an existing one is never overwritten. */
    static void writeNew(Path file, byte[] content) {
        try {
            createParent(file);
            Files.write(file, content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IssuerException(IssuerException.Problem.FILE_EXISTS, file + " exists already", e, file.toString());
        } catch (IOException e) {
            throw unwritable(file, e);
        }
    }

    /** A folder that only its owner may open (mode 700 where the file system has modes). */
    static void createPrivateDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
            }
            if (posix(directory)) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            }
        } catch (IOException e) {
            throw unwritable(directory, e);
        }
    }

    private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        Path temporary = null;
        try {
            createParent(file);
            temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (permissions != null && posix(file.getParent())) {
                // Created with its mode: the key is never readable by others, not even for a moment.
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(permissions));
            } else {
                Files.createFile(temporary);
            }
            Files.write(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write failed already; that is what is reported
                }
            }
            throw unwritable(file, e);
        }
    }

    /**
     * Reads a file of at most {@code maxBytes}.
     *
     * @throws IssuerException {@code UNREADABLE} [file] when it is missing, unreadable or larger
     */
    static byte[] read(Path file, int maxBytes) {
        if (!Files.isRegularFile(file)) {
            throw new IssuerException(IssuerException.Problem.UNREADABLE, "there is no file " + file, file.toString());
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[Math.min(maxBytes + 1, 64 * 1024)];
            int total = 0;
            int read;
            while ((read = in.read(buffer, total, buffer.length - total)) > 0) {
                total += read;
                if (total > maxBytes) {
                    throw new IssuerException(IssuerException.Problem.UNREADABLE, file + " is larger than " + maxBytes
                            + " bytes", file.toString());
                }
                if (total == buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBytes + 1));
                }
            }
            return Arrays.copyOf(buffer, total);
        } catch (IOException e) {
            throw new IssuerException(IssuerException.Problem.UNREADABLE, file + " could not be read", e, file.toString());
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
    }

    private static boolean posix(Path path) {
        Path existing = path == null ? null : path.toAbsolutePath();
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static IssuerException unwritable(Path file, Exception cause) {
        return new IssuerException(IssuerException.Problem.UNWRITABLE, file + " could not be written", cause, file.toString());
    }
}
