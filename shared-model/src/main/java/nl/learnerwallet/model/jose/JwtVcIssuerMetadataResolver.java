package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.verify.Reason;

/**
 * Keys of an issuer identified by an HTTPS URL, from its JWT VC Issuer Metadata (SD-JWT VC,
 * draft-ietf-oauth-sd-jwt-vc, §"JWT VC Issuer Metadata"): for {@code https://host/path} the
 * document at {@code https://host/.well-known/jwt-vc-issuer/path}, fetched over HTTPS through the
 * guarded fetcher. Its {@code issuer} must be the issuer id exactly; its keys are the JWK set given
 * inline ({@code jwks}) or at {@code jwks_uri} (one fetch more, also HTTPS), never both. A key's id
 * is {@code issuer#kid}, or {@code issuer#thumbprint} for a key without a {@code kid}, so that a
 * token header's {@code kid} names it. Keys this wallet cannot verify with, or meant for
 * encryption, are passed over; a set that holds private or secret key material is refused as a
 * whole. Never cached: an issuer can rotate its keys.
 */
public final class JwtVcIssuerMetadataResolver implements IssuerKeyResolver {

    static final String WELL_KNOWN = "/.well-known/jwt-vc-issuer";

    private final GuardedFetcher fetcher;

    public JwtVcIssuerMetadataResolver(GuardedFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public boolean supports(String issuerId) {
        return issuerId.startsWith("https://");
    }

    /**
     * The URL of the issuer's metadata: the well-known suffix between the host (with port) and the
     * path, the path without its terminating {@code /}.
     *
     * @throws IssuerKeyException {@code ISSUER_KEY_UNRESOLVABLE} when the id is not an HTTPS URL with
     *     a host, or has user info, a query, a fragment or a dot segment
     */
    public static String metadataUrl(String issuerId) {
        URI uri;
        try {
            uri = new URI(issuerId);
        } catch (URISyntaxException e) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer id is not a URL", e);
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE,
                    "the issuer id is not an HTTPS URL without query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String segment : path.split("/", -1)) {
            // okhttp resolves dot segments, percent-encoded or not: they would leave the well-known path.
            String plain = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (plain.equals(".") || plain.equals("..")) {
                throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer id has a dot segment");
            }
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return "https://" + uri.getRawAuthority() + WELL_KNOWN + path;
    }

    /**
     * @throws IssuerKeyException {@code ISSUER_MISMATCH} when the metadata is another issuer's;
     *     {@code ISSUER_UNREACHABLE} or {@code FETCH_REFUSED} when it or its key set cannot be
     *     fetched; {@code ISSUER_KEY_UNRESOLVABLE} when either is not a JSON object, names its keys neither or
     *     both ways, holds private key material or no key this wallet can use
     */
    @Override
    public List<IssuerKey> keysOf(String issuerId) {
        JsonNode metadata = KeyDocuments.fetch(fetcher, metadataUrl(issuerId), true, "the JWT VC issuer metadata");
        if (!metadata.isObject()) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the JWT VC issuer metadata is not a JSON object");
        }
        JsonNode issuer = metadata.path("issuer");
        if (!issuer.isTextual() || !issuer.asText().equals(issuerId)) {
            throw new IssuerKeyException(Reason.ISSUER_MISMATCH, "the JWT VC issuer metadata is for another issuer");
        }
        JsonNode jwks = metadata.get("jwks");
        JsonNode jwksUri = metadata.get("jwks_uri");
        if ((jwks == null) == (jwksUri == null)) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE,
                    "the JWT VC issuer metadata must give exactly one of jwks and jwks_uri");
        }
        if (jwksUri != null) {
            if (!jwksUri.isTextual()) {
                throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "jwks_uri is not a URL");
            }
            jwks = KeyDocuments.fetch(fetcher, jwksUri.asText(), true, "the issuer's JWK set");
        }
        return keysIn(issuerId, jwks);
    }

    private static List<IssuerKey> keysIn(String issuerId, JsonNode jwks) {
        JsonNode set = jwks.path("keys");
        if (!set.isArray()) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer's keys are not a JWK set");
        }
        List<IssuerKey> keys = new ArrayList<>();
        for (JsonNode jwk : set) {
            if (jwk.has("d") || jwk.has("k")) {
                // A published private or secret key is a leaked one: nothing in this set is trusted.
                throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer's JWK set holds private key material");
            }
            if (keys.size() >= DidWebResolver.MAX_KEYS || (jwk.has("use") && !"sig".equals(jwk.path("use").asText()))) {
                continue;
            }
            try {
                keys.add(key(issuerId, jwk));
            } catch (IssuerKeyException e) {
                // skipped: a key of a kind this wallet does not verify with cannot sign for the issuer
            }
        }
        if (keys.isEmpty()) {
            throw new IssuerKeyException(Reason.ISSUER_KEY_UNRESOLVABLE, "the issuer publishes no usable key");
        }
        return keys;
    }

    private static IssuerKey key(String issuerId, JsonNode jwk) {
        JsonNode kid = jwk.get("kid");
        if (kid != null && kid.isTextual()) {
            return IssuerKey.fromJwk(issuerId, issuerId + "#" + kid.asText(), jwk.toString());
        }
        IssuerKey unnamed = IssuerKey.fromJwk(issuerId, issuerId, jwk.toString());
        return new IssuerKey(issuerId, issuerId + "#" + unnamed.thumbprint(), unnamed.jwk());
    }
}
