package nl.learnerwallet.client.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import nl.learnerwallet.client.wallet.WalletRecord;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Everything a backup holds: every record of the wallet (credentials with their original bytes,
 * identities, keys, settings, tombstones) and the trust list. The plaintext inside the envelope.
 */
public record WalletSnapshot(List<WalletRecord> records, TrustList trustList) {

    public WalletSnapshot {
        records = Collections.unmodifiableList(new ArrayList<>(records));
    }

    public byte[] toJson() {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("format", "learner-wallet-snapshot/1");
        ArrayNode array = root.putArray("records");
        for (WalletRecord record : records) {
            ObjectNode node = array.addObject();
            node.put("type", record.type());
            node.put("id", record.id());
            node.put("createdAt", record.createdAt());
            node.put("updatedAt", record.updatedAt());
            node.put("deleted", record.deleted());
            if (!record.deleted()) {
                node.put("content", Base64.getEncoder().encodeToString(record.content()));
            }
        }
        root.set("trustList", StrictJson.parse(trustList.toJson()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws UntrustedInputException when the JSON is not a snapshot */
    public static WalletSnapshot fromJson(byte[] json) {
        JsonNode root = StrictJson.parseWalletDocument(json);
        if (!"learner-wallet-snapshot/1".equals(root.path("format").asText())) {
            throw new UntrustedInputException(InputProblem.UNKNOWN_FORMAT, "not a wallet snapshot");
        }
        List<WalletRecord> records = new ArrayList<>();
        try {
            for (JsonNode node : root.path("records")) {
                boolean deleted = node.path("deleted").asBoolean();
                records.add(new WalletRecord(node.path("type").asText(), node.path("id").asText(),
                        node.path("createdAt").asLong(), node.path("updatedAt").asLong(), deleted,
                        deleted ? null : Base64.getDecoder().decode(node.path("content").asText())));
            }
        } catch (IllegalArgumentException e) {
            throw new UntrustedInputException(InputProblem.NOT_JSON, "the snapshot has a damaged record", e);
        }
        TrustList trustList = root.has("trustList") ? TrustList.fromJson(root.path("trustList").toString()
                .getBytes(StandardCharsets.UTF_8)) : TrustList.empty();
        return new WalletSnapshot(records, trustList);
    }
}
