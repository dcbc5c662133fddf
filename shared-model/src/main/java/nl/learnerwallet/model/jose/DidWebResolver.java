package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.verify.Reason;

/**
 * did:web (W3C CCG did:web method, §3.2 Read): {@code did:web:host[%3Aport][:path…]} resolves to
 * {@code https://host[:port]/path…/did.json}, or {@code /.well-known/did.json} without a path.
 * HTTPS only, through the guarded fetcher; the document's {@code id} must be the DID, and keys
 * are its verification methods with a {@code publicKeyJwk} (those listed under
 * {@code assertionMethod} when that is given). Never cached: a did:web issuer can rotate keys.
 */
public final class DidWebResolver implements IssuerKeyResolver {

    static final String PREFIX = "did:web:";
    /** Far more than any issuer publishes at once; more are not read. */
    static final int MAX_KEYS = 16;

    private final GuardedFetcher fetcher;

    public DidWebResolver(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public boolean supports(String issuerId) {
        return issuerId.startsWith(PREFIX);
    }

    /** The HTTPS URL of the DID document. */
    public static String documentUrl(String did) {
        String base = did.indexOf('#') >= 0 ? did.substring(0, did.indexOf('#')) : did;
        String[] parts = base.substring(PREFIX.length()).split(":", -1);
        if (parts.length == 0 || parts[0].isEmpty()) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:web names no host");
        }
        String host = decode(parts[0]);
        if (host.indexOf('/') >= 0 || host.indexOf('@') >= 0 || host.indexOf('?') >= 0 || host.indexOf('#') >= 0) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:web host is not a host");
        }
        StringBuilder url = new StringBuilder("https://").append(host.toLowerCase(Locale.ROOT));
        if (parts.length == 1) {
            return url.append("/.well-known/did.json").toString();
        }
        for (int i = 1; i < parts.length; i++) {
            String segment = decode(parts[i]);
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".") || segment.indexOf('/') >= 0) {
                throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:web path is not allowed");
            }
            url.append('/').append(segment);
        }
        return url.append("/did.json").toString();
    }

    @Override
    public List<IssuerKey> keysOf(String issuerId) {
        String did = issuerId.indexOf('#') >= 0 ? issuerId.substring(0, issuerId.indexOf('#')) : issuerId;
        JsonNode document = KeyDocuments.fetch(fetcher, documentUrl(did), true, "the did:web document");
        if (!did.equals(document.path("id").asText(null))) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:web document is for another DID");
        }
        return keysIn(did, document);
    }

    /** The keys of a DID document or an issuer profile: verification methods with a public JWK. */
    static List<IssuerKey> keysIn(String controller, JsonNode document) {
        List<String> assertion = new ArrayList<>();
        List<JsonNode> embedded = new ArrayList<>();
        for (JsonNode reference : document.path("assertionMethod")) {
            if (reference.isTextual()) {
                assertion.add(absolute(controller, reference.asText()));
            } else if (reference.isObject()) {
                embedded.add(reference);
            }
        }
        List<JsonNode> methods = new ArrayList<>(embedded);
        for (JsonNode method : document.path("verificationMethod")) {
            if (document.has("assertionMethod") && !assertion.contains(absolute(controller, method.path("id").asText("")))) {
                continue;
            }
            methods.add(method);
        }
        List<IssuerKey> keys = new ArrayList<>();
        for (JsonNode method : methods) {
            if (keys.size() >= MAX_KEYS) {
                break;
            }
            String id = method.path("id").asText(null);
            JsonNode jwk = method.path("publicKeyJwk");
            String methodController = method.path("controller").asText(controller);
            if (id == null || !jwk.isObject() || !methodController.equals(controller)) {
                continue;
            }
            try {
                keys.add(IssuerKey.fromJwk(controller, absolute(controller, id), jwk.toString()));
            } catch (IssuerKeyException e) {
                // skipped: an unusable key cannot sign for the issuer
            }
        }
        if (keys.isEmpty()) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer publishes no usable key");
        }
        return keys;
    }

    private static String absolute(String controller, String id) {
        return id.startsWith("#") ? controller + id : id;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the did:web is not percent-encoded properly");
        }
    }
}
