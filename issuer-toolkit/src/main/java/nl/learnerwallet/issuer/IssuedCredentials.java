package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * The organisation's record of what it issued, {@code issued.json}: credential id → kind, format,
 * file, date and status list entry. The status lists are made from it, so it is written before
 * them. Changed only under {@link #lock(Organisation)}, so that two commands at once cannot hand
 * out one index twice.
 */
final class IssuedCredentials {

    static final String FILE = "issued.json";
    private static final String LOCK_FILE = ".issued.lock";
    /** 131,072 entries with their status take about 25 MiB of JSON. */
    private static final int MAX_BYTES = 64 * 1024 * 1024;

    private final Path file;
    private final Map<String, IssuedCredential> credentials;

    private IssuedCredentials(Path file, Map<String, IssuedCredential> credentials) {
        this.file = file;
        this.credentials = credentials;
    }

    /** The organisation's lock, held until closed; other processes wait for it. */
    static final class Lock implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw AtomicFiles.unwritable(file, e);
            }
        }
    }

    static Lock lock(Organisation organisation) {
        Path lockFile = organisation.directory().resolve(LOCK_FILE);
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new Lock(lockFile, channel, channel.lock());
        } catch (IOException e) {
            throw AtomicFiles.unwritable(lockFile, e);
        }
    }

    /** @throws IssuerException {@code ORGANISATION_DAMAGED} [file] when the record cannot be read */
    static IssuedCredentials load(Organisation organisation) {
        Path file = organisation.directory().resolve(FILE);
        Map<String, IssuedCredential> credentials = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new IssuedCredentials(file, credentials);
        }
        try {
            JsonNode document = StrictJson.parseWalletDocument(AtomicFiles.read(file, MAX_BYTES));
            for (Iterator<Map.Entry<String, JsonNode>> entries = document.path("credentials").fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                credentials.put(entry.getKey(), fromJson(entry.getKey(), entry.getValue()));
            }
        } catch (UntrustedInputException | IssuerException | IllegalArgumentException | NullPointerException
                | java.time.format.DateTimeParseException e) {
            throw new IssuerException(IssuerException.Problem.ORGANISATION_DAMAGED, file + " cannot be read", e, file.toString());
        }
        return new IssuedCredentials(file, credentials);
    }

    void save() {
        ObjectNode document = StrictJson.mapper().createObjectNode();
        ObjectNode all = document.putObject("credentials");
        for (IssuedCredential credential : credentials.values()) {
            all.set(credential.id(), toJson(credential));
        }
        AtomicFiles.writeJson(file, document);
    }

    void put(IssuedCredential credential) {
        credentials.put(credential.id(), credential);
    }

    /** The credential with this id ({@code urn:uuid:…}, or the bare UUID), or null. */
    IssuedCredential find(String id) {
        String key = id.trim();
        IssuedCredential found = credentials.get(key);
        return found != null ? found : credentials.get("urn:uuid:" + key);
    }

    List<IssuedCredential> all() {
        return Collections.unmodifiableList(new ArrayList<>(credentials.values()));
    }

    private static ObjectNode toJson(IssuedCredential credential) {
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("kind", credential.kind().id());
        json.put("format", credential.format().id());
        if (credential.file() != null) {
            json.put("file", credential.file());
        }
        json.put("issuedAt", credential.issuedAt().toString());
        StatusEntry status = credential.status();
        if (status != null) {
            json.put("list", status.list().fileName());
            json.put("listUrl", status.url());
            json.put("index", status.index());
            json.put("state", status.state().id());
        }
        return json;
    }

    private static IssuedCredential fromJson(String id, JsonNode json) {
        StatusEntry status = null;
        if (json.has("list")) {
            StatusEntry.StatusList list = null;
            for (StatusEntry.StatusList candidate : StatusEntry.StatusList.values()) {
                if (candidate.fileName().equals(json.path("list").asText())) {
                    list = candidate;
                }
            }
            if (list == null || !json.path("index").canConvertToLong()) {
                throw new IllegalArgumentException("a status entry of " + id + " is not readable");
            }
            status = new StatusEntry(list, json.path("listUrl").asText(), json.path("index").asLong(),
                    StatusEntry.State.of(json.path("state").asText("valid")));
        }
        return new IssuedCredential(id, AchievementKind.of(json.path("kind").asText()),
                IssueFormat.of(json.path("format").asText()), json.path("file").asText(null),
                Instant.parse(json.path("issuedAt").asText()), status);
    }
}
