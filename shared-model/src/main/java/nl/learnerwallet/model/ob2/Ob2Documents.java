package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import nl.learnerwallet.model.json.StrictJson;

/**
 * An OB 2.0 assertion with its badge class and issuer profile, as far as they are known (embedded
 * or fetched). Missing parts are {@link MissingNode}s, so readers can use {@code path()} freely.
 * Stored beside the original so that the card and offline checks need no network.
 */
public record Ob2Documents(JsonNode assertion, JsonNode badge, JsonNode issuer) {

    public Ob2Documents {
        Objects.requireNonNull(assertion, "assertion");
        badge = badge == null ? MissingNode.getInstance() : badge;
        issuer = issuer == null ? MissingNode.getInstance() : issuer;
    }

    /** The embedded parts of an assertion alone (badge and issuer when they are objects, not URLs). */
    public static Ob2Documents embedded(JsonNode assertion) {
        JsonNode badge = assertion.path("badge").isObject() ? assertion.path("badge") : null;
        JsonNode issuer = badge != null && badge.path("issuer").isObject() ? badge.path("issuer") : null;
        return new Ob2Documents(assertion, badge, issuer);
    }

    /** The issuer's id: the profile's {@code id}, else the badge class's issuer URL. */
    public String issuerId() {
        String id = issuer.path("id").asText(null);
        if (id != null) {
            return id;
        }
        return badge.path("issuer").isTextual() ? badge.path("issuer").asText() : null;
    }

    public ObjectNode toJson() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.set("assertion", assertion);
        if (!badge.isMissingNode()) {
            node.set("badge", badge);
        }
        if (!issuer.isMissingNode()) {
            node.set("issuer", issuer);
        }
        return node;
    }

    /** @return null when the JSON holds no assertion */
    public static Ob2Documents fromJson(JsonNode node) {
        if (node == null || !node.path("assertion").isObject()) {
            return null;
        }
        return new Ob2Documents(node.path("assertion"), node.get("badge"), node.get("issuer"));
    }
}
