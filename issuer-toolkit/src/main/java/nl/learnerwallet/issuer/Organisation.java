package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import nl.learnerwallet.model.jose.DidWebResolver;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * An institution or employer that issues credentials: a folder with
 * <ul>
 * <li>{@code private/organisation-key.jwk}, its signing key (mode 600, never printed);</li>
 * <li>{@code organisation.json}: name, issuer id, country, algorithm, key id, and the URLs its files
 *     and status lists are published at;</li>
 * <li>{@code public/}, the files to publish, laid out as on the web server: {@code public/X} is served
 *     at {@code https://HOST/X} (a folder's {@code index.json} at the folder's own URL). For a did:web,
 *     the DID document; for a hosted organisation, its OB 3.0 issuer profile and {@code jwks.json};
 *     for an https issuer, its JWT VC Issuer Metadata; and the status lists;</li>
 * <li>{@code issued/} and {@code issued.json}, what it issued.</li>
 * </ul>
 * The issuer id is the did:web, else the https URL, else the key's own did:jwk (which needs nothing
 * published but, when it revokes, its status lists).
 */
public final class Organisation {

    /** The organisation's description; its presence makes a folder an organisation. */
    public static final String ORGANISATION_FILE = "organisation.json";
    /** The private key, readable by its owner only. */
    public static final String KEY_FILE = "private/organisation-key.jwk";
    static final String PUBLIC_DIRECTORY = "public";
    private static final int MAX_FILE = 64 * 1024;

    private final Path directory;
    private final String name;
    private final String issuerId;
    private final String country;
    private final String keyId;
    private final String baseUrl;
    private final String statusBaseUrl;
    private final OrganisationKey key;

    private Organisation(Path directory, String name, String issuerId, String country, String keyId, String baseUrl,
            String statusBaseUrl, OrganisationKey key) {
        this.directory = directory;
        this.name = name;
        this.issuerId = issuerId;
        this.country = country;
        this.keyId = keyId;
        this.baseUrl = baseUrl;
        this.statusBaseUrl = statusBaseUrl;
        this.key = key;
    }

    /**
     * Creates the organisation: a new key, {@code organisation.json} and the files to publish.
     *
     * @throws IssuerException {@code ORGANISATION_EXISTS} [folder] when the folder holds one already;
     *     {@code UNWRITABLE} [file] when a file cannot be written
     */
    public static Organisation create(Path directory, OrganisationSettings settings, SecureRandom random) {
        Path folder = directory.toAbsolutePath().normalize();
        if (Files.exists(folder.resolve(ORGANISATION_FILE))) {
            throw new IssuerException(IssuerException.Problem.ORGANISATION_EXISTS,
                    "an organisation exists in " + folder + " already", folder.toString());
        }
        OrganisationKey key = OrganisationKey.generate(settings.algorithm(), random);
        String issuerId = settings.did() != null ? settings.did() : settings.url() != null ? settings.url() : key.didJwk();
        String keyId = issuerId + "#" + (issuerId.startsWith("did:jwk:") ? "0" : key.thumbprint());
        String baseUrl = settings.url() != null ? settings.url()
                : settings.did() != null ? didWebBase(settings.did()) : null;
        String statusBaseUrl = baseUrl != null ? baseUrl : settings.statusBase();
        Organisation organisation = new Organisation(folder, settings.name(), issuerId, settings.country(), keyId, baseUrl,
                statusBaseUrl, key);
        AtomicFiles.createPrivateDirectory(folder.resolve(KEY_FILE).getParent());
        AtomicFiles.writePrivate(folder.resolve(KEY_FILE), key.privateJson().getBytes(StandardCharsets.UTF_8));
        PublishedDocuments.writeAll(organisation);
        AtomicFiles.writeJson(folder.resolve(ORGANISATION_FILE), organisation.toJson());
        return organisation;
    }

    /**
     * @throws IssuerException {@code NO_ORGANISATION} [folder] when the folder holds none;
     *     {@code ORGANISATION_DAMAGED} [file] when its description or key cannot be read or do not match
     */
    public static Organisation open(Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        Path description = folder.resolve(ORGANISATION_FILE);
        if (!Files.isRegularFile(description)) {
            throw new IssuerException(IssuerException.Problem.NO_ORGANISATION, "there is no organisation in " + folder,
                    folder.toString());
        }
        JsonNode json;
        OrganisationKey key;
        try {
            json = StrictJson.parse(AtomicFiles.read(description, MAX_FILE));
            key = OrganisationKey.parse(new String(AtomicFiles.read(folder.resolve(KEY_FILE), MAX_FILE), StandardCharsets.UTF_8));
        } catch (UntrustedInputException | IllegalArgumentException | IssuerException e) {
            throw damaged(folder, e);
        }
        String issuerId = json.path("issuer").asText("");
        String keyId = json.path("keyId").asText("");
        boolean didJwk = issuerId.startsWith("did:jwk:");
        // The key must be the one the organisation names: its did:jwk, or the thumbprint in its key id.
        boolean keyMatches = keyId.equals(issuerId + "#" + (didJwk ? "0" : key.thumbprint()))
                && (!didJwk || issuerId.equals(key.didJwk()));
        if (!json.path("name").isTextual() || issuerId.isEmpty() || !keyMatches
                || !key.algorithm().jwsName().equals(json.path("alg").asText())) {
            throw damaged(folder, null);
        }
        return new Organisation(folder, json.path("name").asText(), issuerId, json.path("country").asText("NL"), keyId,
                json.path("baseUrl").asText(null), json.path("statusBaseUrl").asText(null), key);
    }

    private static IssuerException damaged(Path folder, Exception cause) {
        Path file = folder.resolve(ORGANISATION_FILE);
        return new IssuerException(IssuerException.Problem.ORGANISATION_DAMAGED,
                "the organisation in " + folder + " cannot be read, or its key is not the one it names", cause, file.toString());
    }

    /** https://HOST[:PORT][/PATH] of a did:web: where its DID document's folder is. */
    private static String didWebBase(String did) {
        String document = DidWebResolver.documentUrl(did);
        String suffix = document.endsWith("/.well-known/did.json") ? "/.well-known/did.json" : "/did.json";
        return document.substring(0, document.length() - suffix.length());
    }

    private ObjectNode toJson() {
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("name", name);
        json.put("issuer", issuerId);
        json.put("country", country);
        json.put("alg", key.algorithm().jwsName());
        json.put("keyId", keyId);
        if (baseUrl != null) {
            json.put("baseUrl", baseUrl);
        }
        if (statusBaseUrl != null) {
            json.put("statusBaseUrl", statusBaseUrl);
        }
        return json;
    }

    public Path directory() {
        return directory;
    }

    public String name() {
        return name;
    }

    /** The did:web, https URL or did:jwk that credentials name as their issuer. */
    public String issuerId() {
        return issuerId;
    }

    /** ISO 3166-1 alpha-2, e.g. {@code NL}. */
    public String country() {
        return country;
    }

    public SigningAlgorithm algorithm() {
        return key.algorithm();
    }

    /** The key's id as token headers name it: {@code ISSUER#THUMBPRINT}, or {@code did:jwk:…#0}. */
    public String keyId() {
        return keyId;
    }

    /** Where the organisation's documents are published, or null for a did:jwk organisation. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Where its status lists are published, or null when it has nowhere to publish them. */
    public String statusBaseUrl() {
        return statusBaseUrl;
    }

    /** The folder whose files are published, laid out as on the web server. */
    public Path publicDirectory() {
        return directory.resolve(PUBLIC_DIRECTORY);
    }

    /**
     * Every file in {@code public/} with the URL to serve it at.
     *
     * @throws IssuerException {@code UNREADABLE} [folder] when the folder cannot be listed
     */
    public List<PublishedFile> publishedFiles() {
        String root = publishingOrigin();
        Path folder = publicDirectory();
        if (root == null || !Files.isDirectory(folder)) {
            return Collections.emptyList();
        }
        List<PublishedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> files.add(new PublishedFile(
                    root + HostedFiles.urlPathOf(folder.relativize(file)), file)));
        } catch (IOException e) {
            throw new IssuerException(IssuerException.Problem.UNREADABLE, folder + " could not be listed", e, folder.toString());
        }
        return files;
    }

    /** scheme://host[:port] that {@code public/} is the root of, or null when nothing is published. */
    private String publishingOrigin() {
        String published = baseUrl != null ? baseUrl : statusBaseUrl;
        return published == null ? null : OrganisationSettings.origin(published);
    }

    /** The file in {@code public/} served at this URL of the organisation; a URL ending in / gets its index.json. */
    Path publicFile(String url) {
        String root = publishingOrigin();
        if (root == null || !url.startsWith(root + "/")) {
            throw new IllegalArgumentException(url + " is not on the organisation's host");
        }
        String path;
        try {
            path = new URI(url).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url + " is not a URL", e);
        }
        Path file = HostedFiles.fileFor(publicDirectory(), path);
        if (file == null) {
            throw new IllegalArgumentException(url + " has no place in the published folder");
        }
        return file;
    }

    /** The URL of one of the organisation's status lists. */
    String statusListUrl(String list) {
        if (statusBaseUrl == null) {
            throw new IssuerException(IssuerException.Problem.NO_STATUS_URL,
                    "the organisation has no URL to publish status lists at; create it with --url, a did:web, or --status-base");
        }
        return statusBaseUrl + "/status/" + list;
    }

    /** A compact JWS by the organisation's key, its header naming {@code typ} and the key id. */
    String sign(String typ, String payloadJson) {
        return key.sign(typ, keyId, payloadJson);
    }

    OrganisationKey key() {
        return key;
    }

    /** The OB 3.0 issuer as credentials embed it: id, type, name and country. */
    ObjectNode issuerProfile() {
        ObjectNode profile = StrictJson.mapper().createObjectNode();
        profile.put("id", issuerId);
        profile.putArray("type").add("Profile");
        profile.put("name", name);
        ObjectNode address = profile.putObject("address");
        address.putArray("type").add("Address");
        address.put("addressCountryCode", country);
        return profile;
    }
}
