package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.sdjwt.SdJwtVc;

/**
 * Matches a {@link DcqlQuery} against the credentials in the wallet (OpenID4VP 1.0 section 6.4):
 * format and type ({@code vct_values}, {@code type_values}), the claims by their paths and
 * values, claim sets, and credential sets. Reads only; the learner decides what is sent.
 */
public final class DcqlMatcher {

    /** A stored credential as the matcher sees it. */
    public record Candidate(String id, String title, CredentialFormat format, byte[] presentable) {
    }

    /**
     * A credential that answers a query.
     *
     * @param disclose for an SD-JWT, the claims to disclose (as {@code --disclose} names them);
     *     for a VC-JWT empty, since it can only be sent whole
     * @param asked the claims the verifier asked for, as the learner reads them
     */
    public record Match(Candidate candidate, List<String> disclose, List<String> asked) {
        public boolean wholeCredential() {
            return candidate.format() != CredentialFormat.SD_JWT_VC;
        }
    }

    /**
     * What can be answered: for every query of the chosen combination its matching credentials,
     * the learner to pick where more than one fits; and the optional queries that could be met.
     */
    public record Plan(Map<String, List<Match>> required, Map<String, List<Match>> optional) {
    }

    private DcqlMatcher() {
    }

    /**
     * @throws Oid4vcException NOTHING_MATCHES, naming what the wallet lacks, when no combination
     *     the verifier accepts can be met
     */
    public static Plan plan(DcqlQuery query, List<Candidate> candidates) {
        Map<String, List<Match>> matches = new LinkedHashMap<>();
        for (DcqlQuery.CredentialQuery credentialQuery : query.credentials()) {
            List<Match> found = new ArrayList<>();
            for (Candidate candidate : candidates) {
                Match match = match(credentialQuery, candidate);
                if (match != null) {
                    found.add(match);
                }
            }
            matches.put(credentialQuery.id(), found);
        }
        Map<String, List<Match>> required = new LinkedHashMap<>();
        Map<String, List<Match>> optional = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (query.credentialSets().isEmpty()) {
            for (Map.Entry<String, List<Match>> entry : matches.entrySet()) {
                if (entry.getValue().isEmpty()) {
                    missing.add(describe(query, entry.getKey()));
                }
                required.put(entry.getKey(), entry.getValue());
            }
        } else {
            for (DcqlQuery.CredentialSet set : query.credentialSets()) {
                List<String> option = firstSatisfiable(set.options(), matches);
                if (option == null) {
                    if (set.required()) {
                        missing.add(describe(query, set.options().get(0).get(0)));
                    }
                    continue;
                }
                for (String id : option) {
                    (set.required() ? required : optional).put(id, matches.get(id));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new Oid4vcException(Problem.NOTHING_MATCHES, "nothing in your wallet matches what the verifier asks for ("
                    + String.join("; ", missing) + "); nothing was sent");
        }
        optional.keySet().removeAll(required.keySet());
        return new Plan(Collections.unmodifiableMap(required), Collections.unmodifiableMap(optional));
    }

    private static List<String> firstSatisfiable(List<List<String>> options, Map<String, List<Match>> matches) {
        for (List<String> option : options) {
            boolean all = true;
            for (String id : option) {
                all &= !matches.get(id).isEmpty();
            }
            if (all) {
                return option;
            }
        }
        return null;
    }

    private static String describe(DcqlQuery query, String id) {
        for (DcqlQuery.CredentialQuery credentialQuery : query.credentials()) {
            if (credentialQuery.id().equals(id)) {
                List<String> what = new ArrayList<>();
                what.addAll(credentialQuery.vctValues());
                for (List<String> types : credentialQuery.typeValues()) {
                    what.add(String.join("+", types));
                }
                List<String> claims = new ArrayList<>();
                for (DcqlQuery.ClaimQuery claim : credentialQuery.claims()) {
                    claims.add(claim.displayPath());
                }
                return "a " + credentialQuery.format() + " credential" + (what.isEmpty() ? "" : " of type " + String.join(" or ", what))
                        + (claims.isEmpty() ? "" : " with " + String.join(", ", claims));
            }
        }
        return id;
    }

    static Match match(DcqlQuery.CredentialQuery query, Candidate candidate) {
        JsonNode claims;
        if (IssuerMetadata.SD_JWT.equals(query.format()) || IssuerMetadata.LEGACY_SD_JWT.equals(query.format())) {
            if (candidate.format() != CredentialFormat.SD_JWT_VC) {
                return null;
            }
            SdJwtVc credential;
            try {
                credential = SdJwtVc.parse(new String(candidate.presentable(), StandardCharsets.UTF_8));
            } catch (LearnerWalletException e) {
                return null;
            }
            // Section 6.1: vct_values is required for SD-JWT VCs; without it nothing can be said to match.
            if (!query.vctValues().contains(credential.type())) {
                return null;
            }
            claims = credential.claims();
        } else if (IssuerMetadata.JWT_VC_JSON.equals(query.format())) {
            if (candidate.format() != CredentialFormat.OB3_JWT) {
                return null;
            }
            try {
                claims = CompactJws.parse(new String(candidate.presentable(), StandardCharsets.UTF_8), HolderJwt.MAX_LENGTH).payload();
            } catch (LearnerWalletException e) {
                return null;
            }
            if (!hasTypes(claims, query.typeValues())) {
                return null;
            }
        } else {
            return null;
        }
        List<DcqlQuery.ClaimQuery> chosen = chooseClaims(query, claims, candidate.format());
        if (chosen == null) {
            return null;
        }
        Set<String> disclose = new LinkedHashSet<>();
        List<String> asked = new ArrayList<>();
        for (DcqlQuery.ClaimQuery claim : chosen) {
            asked.add(claim.displayPath());
            if (candidate.format() == CredentialFormat.SD_JWT_VC) {
                disclose.add(discloseName(claim.path()));
            }
        }
        return new Match(candidate, Collections.unmodifiableList(new ArrayList<>(disclose)), Collections.unmodifiableList(asked));
    }

    /** Section 6.4.1: the first claim set whose claims are all there; without claim sets, all claims. */
    private static List<DcqlQuery.ClaimQuery> chooseClaims(DcqlQuery.CredentialQuery query, JsonNode claims, CredentialFormat format) {
        if (query.claimSets().isEmpty()) {
            for (DcqlQuery.ClaimQuery claim : query.claims()) {
                if (!present(claim, claims, format)) {
                    return null;
                }
            }
            return query.claims();
        }
        for (List<String> set : query.claimSets()) {
            List<DcqlQuery.ClaimQuery> chosen = new ArrayList<>();
            for (DcqlQuery.ClaimQuery claim : query.claims()) {
                if (set.contains(claim.id())) {
                    chosen.add(claim);
                }
            }
            boolean all = true;
            for (DcqlQuery.ClaimQuery claim : chosen) {
                all &= present(claim, claims, format);
            }
            if (all) {
                return chosen;
            }
        }
        return null;
    }

    private static boolean present(DcqlQuery.ClaimQuery claim, JsonNode claims, CredentialFormat format) {
        List<JsonNode> selected = select(claims, claim.path());
        // A VC-JWT in the vc-claim form keeps the credential under "vc"; paths may be written from either.
        if (selected.isEmpty() && format == CredentialFormat.OB3_JWT && claims.has("vc")) {
            selected = select(claims.get("vc"), claim.path());
        }
        if (claim.values().isEmpty()) {
            return !selected.isEmpty();
        }
        for (JsonNode node : selected) {
            for (JsonNode value : claim.values()) {
                if (node.isValueNode() && node.equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Section 7.1's claims path pointer. */
    static List<JsonNode> select(JsonNode root, List<Object> path) {
        List<JsonNode> current = Collections.singletonList(root);
        for (Object element : path) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (element instanceof String && node.isObject() && node.has((String) element)) {
                    next.add(node.get((String) element));
                } else if (element instanceof Integer && node.isArray() && (Integer) element < node.size()) {
                    next.add(node.get((Integer) element));
                } else if (element == null && node.isArray()) {
                    node.forEach(next::add);
                }
            }
            if (next.isEmpty()) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /**
     * The claim to disclose for a path: its names up to the first array step (an array is
     * disclosed with its elements, as the presenter does for {@code learning_outcomes}).
     */
    static String discloseName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object element : path) {
            if (!(element instanceof String)) {
                break;
            }
            name.append(name.length() == 0 ? "" : ".").append(element);
        }
        return name.toString();
    }

    /**
     * {@code type_values} (section B.1.1): some alternative whose types the credential all has.
     * Types compare by their full IRI or by the term a JSON-LD context maps to it (the part after
     * the last {@code #} or {@code /}), since VC-JWTs carry terms and verifiers often write IRIs.
     */
    private static boolean hasTypes(JsonNode payload, List<List<String>> alternatives) {
        if (alternatives.isEmpty()) {
            return false;
        }
        JsonNode vc = payload.has("vc") ? payload.get("vc") : payload;
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = vc.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null) {
            for (JsonNode each : type) {
                types.add(each.asText());
            }
        }
        for (List<String> alternative : alternatives) {
            boolean all = true;
            for (String wanted : alternative) {
                all &= types.contains(wanted) || types.contains(term(wanted));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String term(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut < 0 ? iri : iri.substring(cut + 1);
    }
}
