package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;

/**
 * A Digital Credentials Query Language query (OpenID4VP 1.0 section 6): which credentials the
 * verifier asks for, which of their claims, and which combinations will do. Parsed strictly: a
 * query this wallet cannot read exactly is refused rather than half-understood, since what is
 * matched against it is the learner's data.
 */
public record DcqlQuery(List<CredentialQuery> credentials, List<CredentialSet> credentialSets) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_QUERIES = 20;
    private static final int MAX_CLAIMS = 50;
    private static final int MAX_PATH = 16;

    /**
     * One credential query.
     *
     * @param vctValues for {@code dc+sd-jwt}: the acceptable {@code vct}s
     * @param typeValues for {@code jwt_vc_json}: alternatives, each a set of types the credential must all have
     * @param claims the claims asked for; empty when the verifier asks only for what is always disclosed
     * @param claimSets alternatives of claim ids, the first that the credential satisfies wins; empty: all claims
     */
    public record CredentialQuery(String id, String format, boolean multiple, List<String> vctValues,
            List<List<String>> typeValues, List<ClaimQuery> claims, List<List<String>> claimSets) {
    }

    /**
     * A claim by its claims path pointer (section 7): strings name object members, numbers array
     * elements, null every element of an array.
     */
    public record ClaimQuery(String id, List<Object> path, List<JsonNode> values) {

        /** The path as the learner reads it: {@code level.eqf}, {@code learning_outcomes[]}. */
        public String displayPath() {
            StringBuilder out = new StringBuilder();
            for (Object element : path) {
                if (element instanceof String) {
                    out.append(out.length() == 0 ? "" : ".").append(element);
                } else {
                    out.append(element == null ? "[]" : "[" + element + "]");
                }
            }
            return out.toString();
        }
    }

    /** A credential set (section 6.2): one of the options must be met when it is required. */
    public record CredentialSet(List<List<String>> options, boolean required) {
    }

    /** @throws Oid4vcException MALFORMED for anything the specification does not allow */
    public static DcqlQuery parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad("the verifier's query (dcql_query) is not a JSON object");
        }
        JsonNode credentials = node.get("credentials");
        if (credentials == null || !credentials.isArray() || credentials.size() == 0 || credentials.size() > MAX_QUERIES) {
            throw bad("the verifier's query must ask for between 1 and " + MAX_QUERIES + " credentials");
        }
        List<CredentialQuery> queries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode credential : credentials) {
            CredentialQuery query = credentialQuery(credential);
            if (!ids.add(query.id())) {
                throw bad("the verifier's query uses the credential id " + query.id() + " twice");
            }
            queries.add(query);
        }
        List<CredentialSet> sets = new ArrayList<>();
        JsonNode credentialSets = node.get("credential_sets");
        if (credentialSets != null) {
            if (!credentialSets.isArray() || credentialSets.size() == 0 || credentialSets.size() > MAX_QUERIES) {
                throw bad("the verifier's credential_sets must be a non-empty array");
            }
            for (JsonNode set : credentialSets) {
                JsonNode required = set.get("required");
                if (required != null && !required.isBoolean()) {
                    throw bad("a credential set's required must be true or false");
                }
                sets.add(new CredentialSet(idLists(set.get("options"), ids, "credential set options"),
                        required == null || required.asBoolean()));
            }
        }
        return new DcqlQuery(Collections.unmodifiableList(queries), Collections.unmodifiableList(sets));
    }

    private static CredentialQuery credentialQuery(JsonNode node) {
        if (!node.isObject()) {
            throw bad("each credential the verifier asks for must be a JSON object");
        }
        String id = id(node.get("id"), "credential id");
        JsonNode format = node.get("format");
        if (format == null || !format.isTextual() || format.asText().isEmpty()) {
            throw bad("the verifier's query for " + id + " names no format");
        }
        JsonNode multiple = node.get("multiple");
        if (multiple != null && !multiple.isBoolean()) {
            throw bad("multiple must be true or false");
        }
        JsonNode meta = node.path("meta");
        List<String> vctValues = strings(meta.get("vct_values"), "vct_values");
        List<List<String>> typeValues = new ArrayList<>();
        JsonNode types = meta.get("type_values");
        if (types != null) {
            if (!types.isArray() || types.size() == 0) {
                throw bad("type_values must be a non-empty array of arrays");
            }
            for (JsonNode alternative : types) {
                typeValues.add(strings(alternative, "type_values"));
            }
        }
        List<ClaimQuery> claims = new ArrayList<>();
        Set<String> claimIds = new HashSet<>();
        JsonNode claimNodes = node.get("claims");
        if (claimNodes != null) {
            if (!claimNodes.isArray() || claimNodes.size() == 0 || claimNodes.size() > MAX_CLAIMS) {
                throw bad("the claims asked of " + id + " must be a non-empty array of at most " + MAX_CLAIMS);
            }
            for (JsonNode claim : claimNodes) {
                ClaimQuery query = claimQuery(claim);
                if (query.id() != null && !claimIds.add(query.id())) {
                    throw bad("the claim id " + query.id() + " is used twice");
                }
                claims.add(query);
            }
        }
        List<List<String>> claimSets = new ArrayList<>();
        if (node.has("claim_sets")) {
            if (claims.isEmpty() || claimIds.size() != claims.size()) {
                throw bad("claim_sets need claims that all have ids");
            }
            claimSets = idLists(node.get("claim_sets"), claimIds, "claim sets");
        }
        return new CredentialQuery(id, format.asText(), multiple != null && multiple.asBoolean(), vctValues,
                Collections.unmodifiableList(typeValues), Collections.unmodifiableList(claims), claimSets);
    }

    private static ClaimQuery claimQuery(JsonNode node) {
        if (!node.isObject()) {
            throw bad("each claim asked for must be a JSON object");
        }
        String id = node.has("id") ? id(node.get("id"), "claim id") : null;
        JsonNode path = node.get("path");
        if (path == null || !path.isArray() || path.size() == 0 || path.size() > MAX_PATH) {
            throw bad("each claim asked for needs a path of 1 to " + MAX_PATH + " elements");
        }
        List<Object> elements = new ArrayList<>();
        for (JsonNode element : path) {
            if (element.isTextual()) {
                elements.add(element.asText());
            } else if (element.isNull()) {
                elements.add(null);
            } else if (element.isIntegralNumber() && element.canConvertToInt() && element.asInt() >= 0) {
                elements.add(element.asInt());
            } else {
                throw bad("a claim path holds only strings, null and non-negative integers");
            }
        }
        List<JsonNode> values = new ArrayList<>();
        JsonNode valueNodes = node.get("values");
        if (valueNodes != null) {
            if (!valueNodes.isArray() || valueNodes.size() == 0) {
                throw bad("a claim's values must be a non-empty array");
            }
            for (JsonNode value : valueNodes) {
                if (!value.isValueNode() || value.isNull()) {
                    throw bad("a claim's values are strings, numbers or booleans");
                }
                values.add(value);
            }
        }
        return new ClaimQuery(id, Collections.unmodifiableList(elements), Collections.unmodifiableList(values));
    }

    private static List<List<String>> idLists(JsonNode node, Set<String> known, String what) {
        if (node == null || !node.isArray() || node.size() == 0) {
            throw bad("the " + what + " must be a non-empty array");
        }
        List<List<String>> lists = new ArrayList<>();
        for (JsonNode option : node) {
            List<String> ids = strings(option, what);
            if (ids.isEmpty() || !known.containsAll(ids)) {
                throw bad("the " + what + " name ids the query does not define");
            }
            lists.add(ids);
        }
        return Collections.unmodifiableList(lists);
    }

    private static List<String> strings(JsonNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray() || node.size() > MAX_CLAIMS) {
            throw bad(what + " must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual() || value.asText().isEmpty()) {
                throw bad(what + " must be an array of strings");
            }
            out.add(value.asText());
        }
        return Collections.unmodifiableList(out);
    }

    private static String id(JsonNode node, String what) {
        if (node == null || !node.isTextual() || !ID.matcher(node.asText()).matches()) {
            throw bad("a " + what + " must be 1 to 64 letters, digits, _ or -");
        }
        return node.asText();
    }

    private static Oid4vcException bad(String message) {
        return new Oid4vcException(Problem.MALFORMED, message);
    }
}
