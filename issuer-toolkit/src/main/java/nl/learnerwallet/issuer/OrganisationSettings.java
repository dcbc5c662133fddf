package nl.learnerwallet.issuer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import nl.learnerwallet.model.jose.DidWebResolver;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver;

/**
 * What an organisation is created with: its name, how it is identified — a did:web
 * ({@code did}), an https issuer URL ({@code url}), or neither, when its key's did:jwk identifies
 * it — its country (ISO 3166-1 alpha-2), its signing algorithm, and for a did:jwk organisation
 * the URL its status lists are published at ({@code statusBase}). With both a did:web and a URL, the
 * did:web identifies the organisation and the URL (on the same host) is where its files are
 * published.
 *
 * @throws IssuerException {@code BAD_SETTING} [name, country, did, url or status-base] for a
 *     value that is not acceptable
 */
public record OrganisationSettings(String name, String did, String url, String country, SigningAlgorithm algorithm,
        String statusBase) {

    private static final int MAX_NAME = 200;

    public OrganisationSettings {
        name = name == null ? "" : name.trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw bad("name", "the organisation needs a name of at most 200 characters");
        }
        country = country == null ? "NL" : country.trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw bad("country", "the country is an ISO 3166-1 code of two letters, like NL");
        }
        algorithm = algorithm == null ? SigningAlgorithm.ES256 : algorithm;
        did = blankToNull(did);
        if (did != null) {
            checkDidWeb(did);
        }
        url = withoutTrailingSlash(blankToNull(url));
        if (url != null) {
            checkHttpsIssuer(url);
            if (did != null && !origin(url).equals(origin(DidWebResolver.documentUrl(did)))) {
                throw bad("url", "the URL must be on the did:web's own host");
            }
        }
        statusBase = withoutTrailingSlash(blankToNull(statusBase));
        if (statusBase != null) {
            if (did != null || url != null) {
                throw bad("status-base", "an organisation with a did:web or URL publishes its status lists beside its other files");
            }
            checkStatusBase(statusBase);
        }
    }

    /** An organisation identified by its key's did:jwk, in the Netherlands, signing ES256. */
    public static OrganisationSettings named(String name) {
        return new OrganisationSettings(name, null, null, null, null, null);
    }

    public OrganisationSettings withDid(String value) {
        return new OrganisationSettings(name, value, url, country, algorithm, statusBase);
    }

    public OrganisationSettings withUrl(String value) {
        return new OrganisationSettings(name, did, value, country, algorithm, statusBase);
    }

    public OrganisationSettings withCountry(String value) {
        return new OrganisationSettings(name, did, url, value, algorithm, statusBase);
    }

    public OrganisationSettings withAlgorithm(SigningAlgorithm value) {
        return new OrganisationSettings(name, did, url, country, value, statusBase);
    }

    public OrganisationSettings withStatusBase(String value) {
        return new OrganisationSettings(name, did, url, country, algorithm, value);
    }

    private static void checkDidWeb(String did) {
        if (!did.startsWith("did:web:") || did.indexOf('#') >= 0 || did.indexOf('?') >= 0) {
            throw bad("did", "the DID must be a did:web without fragment or query");
        }
        try {
            DidWebResolver.documentUrl(did);
        } catch (IssuerKeyException e) {
            throw bad("did", "the did:web does not name a host and path: " + e.getMessage());
        }
    }

    private static void checkHttpsIssuer(String url) {
        try {
            JwtVcIssuerMetadataResolver.metadataUrl(url);
        } catch (IssuerKeyException e) {
            throw bad("url", "the URL must be https, with a host and no query or fragment");
        }
    }

    private static void checkStatusBase(String url) {
        URI uri = uri(url, "status-base");
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || uri.getRawPath().contains("/..") || uri.getRawPath().contains("/./")) {
            throw bad("status-base", "the status list URL must be http(s), with a host and no query or fragment");
        }
    }

    /** scheme://host[:port] of a URL. */
    static String origin(String url) {
        URI uri = uri(url, "url");
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + Objects.requireNonNull(uri.getRawAuthority()).toLowerCase(Locale.ROOT);
    }

    private static URI uri(String url, String setting) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw bad(setting, "not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw bad(setting, "not a URL");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static String withoutTrailingSlash(String url) {
        String out = url;
        while (out != null && out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }

    private static IssuerException bad(String setting, String message) {
        return new IssuerException(IssuerException.Problem.BAD_SETTING, message, setting);
    }
}
