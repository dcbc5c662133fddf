package nl.learnerwallet.issuer;

import java.nio.file.Path;
import java.util.Objects;

/** A file the organisation publishes: the URL it must be served at, and where it is in the organisation's folder. */
public record PublishedFile(String url, Path file) {

    public PublishedFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
    }
}
