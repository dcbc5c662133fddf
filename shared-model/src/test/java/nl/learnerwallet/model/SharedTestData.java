package nl.learnerwallet.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's shared test data (Wycheproof vectors, edubadges examples), read where it lies and
 * never copied into the repository: {@code -Dshared.testdata=DIR} if given, else the first
 * {@code ../shared/testdata} found walking up from {@code user.dir} (a module directory, where Maven
 * runs the tests, or the repository root); missing, it fails loudly rather than skip.
 */
public final class SharedTestData {

    private SharedTestData() {
    }

    public static Path dir() {
        String property = System.getProperty("shared.testdata");
        if (property != null && !property.trim().isEmpty()) {
            Path given = Paths.get(property).toAbsolutePath().normalize();
            if (!Files.isDirectory(given)) {
                throw new IllegalStateException("-Dshared.testdata=" + property + " is not a directory");
            }
            return given;
        }
        // Walk up from the working directory (a module, the repository root, an IDE's choice) to the
        // folder that has shared/testdata beside it.
        List<Path> candidates = new ArrayList<>();
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("../shared/testdata").normalize());
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("wycheproof")) && Files.isDirectory(candidate.resolve("edubadges"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the shared test data (a testdata directory with wycheproof/ and edubadges/) "
                + "was not found; looked in " + candidates + "; pass -Dshared.testdata=/path/to/shared/testdata");
    }

    public static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing shared test data file " + file);
        }
        return file;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
