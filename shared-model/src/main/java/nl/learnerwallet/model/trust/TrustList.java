package nl.learnerwallet.model.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * The issuers a wallet (or the server) trusts. A valid signature says who signed; this list says
 * whether that signer is someone the learner or the operator recognises. Immutable: changes return
 * a new list. Stored as JSON ({@code {"entries":[{id, name, source, addedAt}]}}).
 */
public final class TrustList {

    private final List<TrustEntry> entries;

    public TrustList(List<TrustEntry> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public static TrustList empty() {
        return new TrustList(Collections.<TrustEntry>emptyList());
    }

    public List<TrustEntry> entries() {
        return entries;
    }

    /** The entry that covers this issuer, or null; a DID entry wins over a URL prefix. */
    public TrustEntry find(String issuerId) {
        TrustEntry best = null;
        for (TrustEntry entry : entries) {
            if (entry.covers(issuerId) && (best == null || entry.id().length() > best.id().length())) {
                best = entry;
            }
        }
        return best;
    }

    public TrustList with(TrustEntry entry) {
        List<TrustEntry> changed = new ArrayList<>();
        for (TrustEntry existing : entries) {
            if (!existing.id().equals(entry.id())) {
                changed.add(existing);
            }
        }
        changed.add(entry);
        return new TrustList(changed);
    }

    public TrustList without(String id) {
        List<TrustEntry> changed = new ArrayList<>();
        for (TrustEntry existing : entries) {
            if (!existing.id().equals(id)) {
                changed.add(existing);
            }
        }
        return new TrustList(changed);
    }

    public boolean contains(String id) {
        for (TrustEntry entry : entries) {
            if (entry.id().equals(id)) {
                return true;
            }
        }
        return false;
    }

    public byte[] toJson() {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        ArrayNode array = root.putArray("entries");
        for (TrustEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("id", entry.id());
            node.put("name", entry.name());
            node.put("source", entry.source());
            if (entry.addedAt() != null) {
                node.put("addedAt", entry.addedAt().toString());
            }
            if (!entry.keys().isEmpty()) {
                ArrayNode keys = node.putArray("keys");
                for (String jwk : entry.keys()) {
                    keys.add(StrictJson.parse(jwk.getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        try {
            return StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a trust list always serialises", e);
        }
    }

    /** @throws UntrustedInputException when the file is not a trust list */
    public static TrustList fromJson(byte[] json) {
        JsonNode root = StrictJson.parse(json);
        JsonNode array = root.path("entries");
        if (!array.isArray()) {
            throw new UntrustedInputException(InputProblem.NOT_JSON, "the trust list has no entries array");
        }
        List<TrustEntry> entries = new ArrayList<>();
        for (JsonNode node : array) {
            try {
                String addedAt = node.path("addedAt").asText(null);
                List<String> keys = new ArrayList<>();
                for (JsonNode jwk : node.path("keys")) {
                    keys.add(jwk.toString());
                }
                entries.add(new TrustEntry(node.path("id").asText(null), node.path("name").asText(null),
                        node.path("source").asText(null), addedAt == null ? null : Instant.parse(addedAt), keys));
            } catch (RuntimeException e) {
                throw new UntrustedInputException(InputProblem.NOT_JSON, "the trust list has an invalid entry", e);
            }
        }
        return new TrustList(entries);
    }
}
