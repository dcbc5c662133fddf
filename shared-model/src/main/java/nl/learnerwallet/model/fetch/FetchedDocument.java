package nl.learnerwallet.model.fetch;

import java.util.Objects;

/** A document fetched with status 200: the URL it was finally fetched from, its media type, and its body. */
public record FetchedDocument(String requestedUrl, String finalUrl, String contentType, byte[] body) {

    public FetchedDocument {
        Objects.requireNonNull(requestedUrl, "requestedUrl");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(body, "body");
    }
}
