package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;

/**
 * An issuer's Credential Issuer Metadata (OpenID4VCI 1.0 section 12.2), fetched from its
 * well-known address and held to the offer: the metadata must name exactly the issuer the offer
 * named, or an attacker's server could hand out another issuer's endpoints.
 */
public final class IssuerMetadata {

    /** The credential formats this wallet stores (section A): OB 3.0 / VC-JWT and SD-JWT VC. */
    static final String JWT_VC_JSON = "jwt_vc_json";
    static final String SD_JWT = "dc+sd-jwt";
    /** The name before IETF SD-JWT VC draft 06; some issuers still offer it. */
    static final String LEGACY_SD_JWT = "vc+sd-jwt";

    /**
     * One credential configuration the issuer supports.
     *
     * @param proofAlgorithms the algorithms a {@code jwt} proof may use; empty when the credential
     *     is not bound to a key (no proof is sent)
     * @param bindsToDid true when the issuer binds the credential to a DID ({@code did:jwk}), so the
     *     proof names the holder's DID URL rather than a bare key
     */
    public record Configuration(String id, String format, String scope, String vct, List<String> types,
            List<String> proofAlgorithms, boolean bindsToDid, String name) {

        public boolean sdJwt() {
            return SD_JWT.equals(format) || LEGACY_SD_JWT.equals(format);
        }
    }

    private final String credentialIssuer;
    private final String credentialEndpoint;
    private final String nonceEndpoint;
    private final String deferredCredentialEndpoint;
    private final List<String> authorizationServers;
    private final Map<String, Configuration> configurations;
    private final String displayName;

    private IssuerMetadata(String credentialIssuer, String credentialEndpoint, String nonceEndpoint,
            String deferredCredentialEndpoint, List<String> authorizationServers, Map<String, Configuration> configurations,
            String displayName) {
        this.credentialIssuer = credentialIssuer;
        this.credentialEndpoint = credentialEndpoint;
        this.nonceEndpoint = nonceEndpoint;
        this.deferredCredentialEndpoint = deferredCredentialEndpoint;
        this.authorizationServers = authorizationServers;
        this.configurations = configurations;
        this.displayName = displayName;
    }

    /**
     * The well-known address of section 12.2.2: {@code /.well-known/openid-credential-issuer}
     * inserted between the host and the issuer identifier's path.
     */
    static String wellKnown(String identifier, String suffix) {
        URI uri = URI.create(identifier);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = uri.getRawAuthority();
        return uri.getScheme() + "://" + authority + "/.well-known/" + suffix + path;
    }

    /**
     * Fetches and checks the metadata for an offer.
     *
     * @throws Oid4vcException METADATA_MISMATCH, UNKNOWN_CONFIGURATION, UNSUPPORTED, MALFORMED, UNREACHABLE
     */
    static IssuerMetadata fetch(CredentialOffer offer, ProtocolHttp http, Locale locale) {
        JsonNode json = http.getJson(wellKnown(offer.credentialIssuer(), "openid-credential-issuer"), "the issuer's metadata");
        String named = json.path("credential_issuer").asText("");
        if (!offer.credentialIssuer().equals(named)) {
            throw new Oid4vcException(Problem.METADATA_MISMATCH, "the issuer's metadata names another issuer ("
                    + (named.isEmpty() ? "none" : named) + ") than the offer (" + offer.credentialIssuer() + "), so it is not trusted");
        }
        String credentialEndpoint = endpoint(json, "credential_endpoint", true, http);
        String nonceEndpoint = endpoint(json, "nonce_endpoint", false, http);
        String deferred = endpoint(json, "deferred_credential_endpoint", false, http);
        List<String> servers = new ArrayList<>();
        JsonNode listed = json.get("authorization_servers");
        if (listed != null) {
            if (!listed.isArray() || listed.size() == 0 || listed.size() > 10) {
                throw new Oid4vcException(Problem.MALFORMED, "the issuer's metadata lists its authorization servers wrongly");
            }
            for (JsonNode server : listed) {
                servers.add(http.checkedUrl(server.asText(null), "the issuer's authorization server").toString());
            }
        }
        JsonNode supported = json.get("credential_configurations_supported");
        if (supported == null || !supported.isObject() || supported.size() == 0) {
            throw new Oid4vcException(Problem.MALFORMED, "the issuer's metadata lists no credential configurations");
        }
        Map<String, Configuration> configurations = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = supported.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isObject()) {
                configurations.put(field.getKey(), configuration(field.getKey(), field.getValue(), locale));
            }
        }
        IssuerMetadata metadata = new IssuerMetadata(offer.credentialIssuer(), credentialEndpoint, nonceEndpoint, deferred,
                Collections.unmodifiableList(servers), configurations, displayName(json.get("display"), locale));
        for (String id : offer.configurationIds()) {
            metadata.configuration(id);
        }
        return metadata;
    }

    private static String endpoint(JsonNode json, String name, boolean required, ProtocolHttp http) {
        JsonNode value = json.get(name);
        if (value == null) {
            if (required) {
                throw new Oid4vcException(Problem.MALFORMED, "the issuer's metadata has no " + name);
            }
            return null;
        }
        return http.checkedUrl(value.asText(null), "the issuer's " + name.replace('_', ' ')).toString();
    }

    private static Configuration configuration(String id, JsonNode node, Locale locale) {
        String format = node.path("format").asText("");
        List<String> types = new ArrayList<>();
        for (JsonNode type : node.path("credential_definition").path("type")) {
            types.add(type.asText());
        }
        List<String> algorithms = new ArrayList<>();
        JsonNode jwtProof = node.path("proof_types_supported").path("jwt");
        for (JsonNode algorithm : jwtProof.path("proof_signing_alg_values_supported")) {
            algorithms.add(algorithm.asText());
        }
        boolean bindsToDid = false;
        for (JsonNode method : node.path("cryptographic_binding_methods_supported")) {
            bindsToDid |= method.asText().startsWith("did:jwk") || "did".equals(method.asText());
        }
        // 1.0 moved display into credential_metadata; earlier drafts had it beside the format.
        JsonNode display = node.path("credential_metadata").has("display") ? node.path("credential_metadata").get("display")
                : node.get("display");
        return new Configuration(id, format, node.path("scope").asText(null), node.path("vct").asText(null),
                Collections.unmodifiableList(types), Collections.unmodifiableList(algorithms), bindsToDid,
                displayName(display, locale));
    }

    /** The display name in the learner's language, else English, else the first one given. */
    static String displayName(JsonNode display, Locale locale) {
        if (display == null || !display.isArray()) {
            return null;
        }
        String first = null;
        String english = null;
        for (JsonNode entry : display) {
            String name = entry.path("name").asText(null);
            if (name == null || name.isEmpty()) {
                continue;
            }
            name = name.length() > 200 ? name.substring(0, 200) : name;
            String language = entry.path("locale").asText("");
            if (language.toLowerCase(Locale.ROOT).startsWith(locale.getLanguage())) {
                return name;
            }
            if (language.toLowerCase(Locale.ROOT).startsWith("en") && english == null) {
                english = name;
            }
            if (first == null) {
                first = name;
            }
        }
        return english != null ? english : first;
    }

    /**
     * @throws Oid4vcException UNKNOWN_CONFIGURATION when the metadata has no such configuration,
     *     UNSUPPORTED when its format or proof algorithms are not this wallet's
     */
    public Configuration configuration(String id) {
        Configuration configuration = configurations.get(id);
        if (configuration == null) {
            throw new Oid4vcException(Problem.UNKNOWN_CONFIGURATION,
                    "the offer names a credential (" + id + ") that the issuer's metadata does not describe");
        }
        if (!JWT_VC_JSON.equals(configuration.format()) && !configuration.sdJwt()) {
            throw new Oid4vcException(Problem.UNSUPPORTED, "the issuer offers " + id + " as " + configuration.format()
                    + ", a format this wallet does not store (it stores jwt_vc_json and dc+sd-jwt)");
        }
        if (!configuration.proofAlgorithms().isEmpty() && !configuration.proofAlgorithms().contains("ES256")) {
            throw new Oid4vcException(Problem.UNSUPPORTED,
                    "the issuer wants a proof signed with " + configuration.proofAlgorithms() + ", and this wallet's key signs ES256");
        }
        return configuration;
    }

    public String credentialIssuer() {
        return credentialIssuer;
    }

    String credentialEndpoint() {
        return credentialEndpoint;
    }

    String nonceEndpoint() {
        return nonceEndpoint;
    }

    String deferredCredentialEndpoint() {
        return deferredCredentialEndpoint;
    }

    /**
     * The authorization server to use: the one the offer's grant names (which must be listed), else
     * the first listed, else the issuer itself (section 12.2.4).
     */
    String authorizationServer(CredentialOffer offer) {
        if (offer.authorizationServer() != null) {
            if (!authorizationServers.contains(offer.authorizationServer())) {
                throw new Oid4vcException(Problem.METADATA_MISMATCH,
                        "the offer names an authorization server the issuer's metadata does not list");
            }
            return offer.authorizationServer();
        }
        return authorizationServers.isEmpty() ? credentialIssuer : authorizationServers.get(0);
    }

    /** The issuer's name for the learner, from its display metadata; its identifier when it gave none. */
    public String displayName() {
        return displayName != null ? displayName : credentialIssuer;
    }
}
