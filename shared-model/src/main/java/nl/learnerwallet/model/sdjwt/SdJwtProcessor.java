package nl.learnerwallet.model.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Rebuilds the claims of an SD-JWT from its signed payload and disclosures, with every rule of
 * RFC 9901 §7.1 (steps 3–5): each digest at most once, each disclosure referenced exactly once
 * and in the form that fits (named for {@code _sd}, element for {@code ...}), no disclosed claim
 * named {@code _sd} or {@code ...} or clashing with a claim already there, decoys dropped,
 * {@code _sd} and {@code _sd_alg} removed. Written here because com.authlete:sd-jwt's decoder
 * silently ignores unreferenced disclosures, repeated digests and name clashes.
 */
public final class SdJwtProcessor {

    /** How deep claims and disclosures may nest together; real credentials use three or four levels. */
    public static final int MAX_DEPTH = 32;

    /** A claim that arrived through a disclosure: where it sits and which disclosure holds it. */
    public record DisclosedClaim(String path, Disclosure disclosure, Disclosure parent) {
    }

    /** The claims as the verifier sees them, and which of them were selectively disclosed. */
    public record Processed(ObjectNode claims, HashAlgorithm hash, List<DisclosedClaim> disclosed,
            List<Disclosure> disclosures) {

        public Processed {
            disclosed = Collections.unmodifiableList(new ArrayList<>(disclosed));
            disclosures = Collections.unmodifiableList(new ArrayList<>(disclosures));
        }

        /** The paths of the claims that were disclosed, in payload order. */
        public List<String> disclosedPaths() {
            List<String> paths = new ArrayList<>();
            for (DisclosedClaim claim : disclosed) {
                if (!paths.contains(claim.path())) {
                    paths.add(claim.path());
                }
            }
            return paths;
        }
    }

    private final Map<String, Disclosure> byDigest = new HashMap<>();
    private final Set<String> seenDigests = new HashSet<>();
    private final Set<String> used = new HashSet<>();
    private final List<DisclosedClaim> disclosed = new ArrayList<>();

    private SdJwtProcessor() {
    }

    /**
     * @param payload the issuer-signed JWT's payload
     * @param encodedDisclosures the disclosures as given after the JWT
     * @throws CredentialFormatException with the reason of the first rule broken
     */
    public static Processed process(JsonNode payload, List<String> encodedDisclosures) {
        JsonNode sdAlg = payload.get("_sd_alg");
        if (sdAlg != null && !sdAlg.isTextual()) {
            throw new CredentialFormatException(Reason.HASH_ALGORITHM_NOT_ALLOWED, "_sd_alg is not a string");
        }
        HashAlgorithm hash = HashAlgorithm.named(sdAlg == null ? null : sdAlg.asText());
        SdJwtProcessor processor = new SdJwtProcessor();
        List<Disclosure> disclosures = new ArrayList<>();
        for (String encoded : encodedDisclosures) {
            Disclosure disclosure = Disclosure.parse(encoded, hash);
            if (processor.byDigest.put(disclosure.digest(), disclosure) != null) {
                throw new CredentialFormatException(Reason.DIGEST_REPEATED, "the same disclosure is given twice");
            }
            disclosures.add(disclosure);
        }
        ObjectNode claims = processor.object(payload, "", null, 0);
        claims.remove("_sd_alg");
        if (processor.used.size() != processor.byDigest.size()) {
            throw new CredentialFormatException(Reason.DISCLOSURE_NOT_REFERENCED,
                    "a disclosure is not referenced by the signed payload");
        }
        return new Processed(claims, hash, processor.disclosed, disclosures);
    }

    private ObjectNode object(JsonNode source, String path, Disclosure parent, int depth) {
        checkDepth(depth);
        ObjectNode out = StrictJson.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("_sd")) {
                continue;
            }
            if (field.getKey().equals("...")) {
                throw new CredentialFormatException(Reason.DISCLOSURE_NAME_INVALID, "a claim may not be named ...");
            }
            out.set(field.getKey(), value(field.getValue(), join(path, field.getKey()), parent, depth + 1));
        }
        JsonNode digests = source.get("_sd");
        if (digests == null) {
            return out;
        }
        if (!digests.isArray()) {
            throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "_sd is not an array of digests");
        }
        for (JsonNode digest : digests) {
            Disclosure disclosure = lookUp(digest);
            if (disclosure == null) {
                continue; // a decoy, or a claim the holder did not disclose
            }
            if (disclosure.isArrayElement()) {
                throw new CredentialFormatException(Reason.DISCLOSURE_NOT_REFERENCED,
                        "an array element's disclosure is referenced as an object property");
            }
            if (out.has(disclosure.name())) {
                throw new CredentialFormatException(Reason.DISCLOSURE_NAME_INVALID,
                        "the disclosed claim " + disclosure.name() + " is already in the payload");
            }
            String claimPath = join(path, disclosure.name());
            disclosed.add(new DisclosedClaim(claimPath, disclosure, parent));
            out.set(disclosure.name(), value(disclosure.value(), claimPath, disclosure, depth + 1));
        }
        return out;
    }

    private JsonNode value(JsonNode value, String path, Disclosure parent, int depth) {
        if (value.isObject()) {
            return object(value, path, parent, depth);
        }
        if (value.isArray()) {
            return array(value, path, parent, depth);
        }
        return value;
    }

    private ArrayNode array(JsonNode source, String path, Disclosure parent, int depth) {
        checkDepth(depth);
        ArrayNode out = StrictJson.mapper().createArrayNode();
        for (JsonNode element : source) {
            if (element.isObject() && element.has("...")) {
                if (element.size() != 1) {
                    throw new CredentialFormatException(Reason.DISCLOSURE_INVALID,
                            "an array element digest object has other keys");
                }
                Disclosure disclosure = lookUp(element.get("..."));
                if (disclosure == null) {
                    continue; // a decoy, or an element the holder did not disclose
                }
                if (!disclosure.isArrayElement()) {
                    throw new CredentialFormatException(Reason.DISCLOSURE_NOT_REFERENCED,
                            "an object property's disclosure is referenced as an array element");
                }
                String elementPath = path + "[]";
                disclosed.add(new DisclosedClaim(elementPath, disclosure, parent));
                out.add(value(disclosure.value(), elementPath, disclosure, depth + 1));
            } else {
                out.add(value(element, path + "[]", parent, depth + 1));
            }
        }
        return out;
    }

    /** The disclosure for a digest, null for a decoy; every digest counts once, decoys included. */
    private Disclosure lookUp(JsonNode digest) {
        if (!digest.isTextual()) {
            throw new CredentialFormatException(Reason.DISCLOSURE_INVALID, "a digest is not a string");
        }
        if (!seenDigests.add(digest.asText())) {
            throw new CredentialFormatException(Reason.DIGEST_REPEATED, "a digest appears more than once");
        }
        Disclosure disclosure = byDigest.get(digest.asText());
        if (disclosure != null) {
            used.add(disclosure.digest());
        }
        return disclosure;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new CredentialFormatException(Reason.DISCLOSURES_TOO_DEEP,
                    "the claims are nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
