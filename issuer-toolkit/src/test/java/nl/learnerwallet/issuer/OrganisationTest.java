package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.learnerwallet.model.jose.DidJwkResolver;
import nl.learnerwallet.model.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organisation's folder: its key (kept private), its description, and the files it publishes. */
class OrganisationTest {

    @TempDir
    Path folder;

    private static JsonNode json(Path file) throws Exception {
        return StrictJson.parse(Files.readAllBytes(file));
    }

    private static Map<String, Path> published(Organisation organisation) {
        return organisation.publishedFiles().stream().collect(Collectors.toMap(PublishedFile::url, PublishedFile::file));
    }

    @Test
    void aDidJwkOrganisationHasAPrivateKeyAndPublishesNothing() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("org"), OrganisationSettings.named("Werkgever BV"),
                new SecureRandom());

        Path key = organisation.directory().resolve(Organisation.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        assertThat(json(key).has("d")).isTrue();
        JsonNode description = json(organisation.directory().resolve(Organisation.ORGANISATION_FILE));
        assertThat(description.path("issuer").asText()).startsWith("did:jwk:").isEqualTo(organisation.issuerId());
        assertThat(description.path("keyId").asText()).isEqualTo(organisation.issuerId() + "#0");
        assertThat(description.path("alg").asText()).isEqualTo("ES256");
        assertThat(description.path("country").asText()).isEqualTo("NL");
        assertThat(description.toString()).doesNotContain(json(key).path("d").asText());
        assertThat(new DidJwkResolver().keysOf(organisation.issuerId())).hasSize(1);
        assertThat(organisation.publishedFiles()).isEmpty();
        assertThat(organisation.statusBaseUrl()).isNull();

        Organisation opened = Organisation.open(organisation.directory());
        assertThat(opened.issuerId()).isEqualTo(organisation.issuerId());
        assertThat(opened.keyId()).isEqualTo(organisation.keyId());
        assertThat(opened.name()).isEqualTo("Werkgever BV");
    }

    @Test
    void aDidWebOrganisationPublishesItsDidDocumentProfileAndKeySetAtTheDidsPath() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("hu"), OrganisationSettings.named("Hogeschool Utrecht")
                .withDid("did:web:badges.hu.nl:edu:hbo"), new SecureRandom());

        assertThat(organisation.issuerId()).isEqualTo("did:web:badges.hu.nl:edu:hbo");
        assertThat(organisation.keyId()).startsWith("did:web:badges.hu.nl:edu:hbo#");
        assertThat(organisation.baseUrl()).isEqualTo("https://badges.hu.nl/edu/hbo");
        Map<String, Path> files = published(organisation);
        assertThat(files).containsOnlyKeys("https://badges.hu.nl/edu/hbo/did.json", "https://badges.hu.nl/edu/hbo/issuer.json",
                "https://badges.hu.nl/edu/hbo/jwks.json");
        JsonNode did = json(files.get("https://badges.hu.nl/edu/hbo/did.json"));
        assertThat(did.path("id").asText()).isEqualTo(organisation.issuerId());
        JsonNode method = did.path("verificationMethod").get(0);
        assertThat(method.path("id").asText()).isEqualTo(organisation.keyId());
        assertThat(method.path("type").asText()).isEqualTo("JsonWebKey2020");
        assertThat(method.path("publicKeyJwk").has("d")).isFalse();
        assertThat(did.path("assertionMethod").get(0).asText()).isEqualTo(organisation.keyId());
        JsonNode profile = json(files.get("https://badges.hu.nl/edu/hbo/issuer.json"));
        assertThat(profile.path("id").asText()).isEqualTo(organisation.issuerId());
        assertThat(profile.path("name").asText()).isEqualTo("Hogeschool Utrecht");
        assertThat(profile.path("type").toString()).contains("Profile");
        JsonNode jwks = json(files.get("https://badges.hu.nl/edu/hbo/jwks.json"));
        assertThat(jwks.path("keys").get(0).path("kid").asText())
                .isEqualTo(organisation.keyId().substring(organisation.keyId().indexOf('#') + 1));
        assertThat(files.get("https://badges.hu.nl/edu/hbo/did.json"))
                .isEqualTo(organisation.publicDirectory().resolve("edu/hbo/did.json"));
    }

    @Test
    void aDidWebForABareHostPublishesAtTheWellKnownPath() {
        Organisation organisation = Organisation.create(folder.resolve("roc"), OrganisationSettings.named("ROC Midden Nederland")
                .withDid("did:web:rocmn.nl"), new SecureRandom());

        assertThat(published(organisation)).containsKey("https://rocmn.nl/.well-known/did.json");
        assertThat(organisation.statusBaseUrl()).isEqualTo("https://rocmn.nl");
    }

    @Test
    void anHttpsIssuerPublishesItsProfileAtItsIdAndJwtVcIssuerMetadata() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("uu"), OrganisationSettings.named("Universiteit Utrecht")
                .withUrl("https://uu.nl/badges/").withAlgorithm(SigningAlgorithm.EDDSA), new SecureRandom());

        assertThat(organisation.issuerId()).isEqualTo("https://uu.nl/badges");
        Map<String, Path> files = published(organisation);
        assertThat(files).containsOnlyKeys("https://uu.nl/badges", "https://uu.nl/.well-known/jwt-vc-issuer/badges",
                "https://uu.nl/badges/jwks.json");
        JsonNode metadata = json(files.get("https://uu.nl/.well-known/jwt-vc-issuer/badges"));
        assertThat(metadata.path("issuer").asText()).isEqualTo("https://uu.nl/badges");
        assertThat(metadata.path("jwks").path("keys").get(0).path("crv").asText()).isEqualTo("Ed25519");
        JsonNode profile = json(files.get("https://uu.nl/badges"));
        assertThat(profile.path("id").asText()).isEqualTo("https://uu.nl/badges");
        assertThat(profile.path("verificationMethod").get(0).path("id").asText()).isEqualTo(organisation.keyId());
    }

    @Test
    void aDidJwkOrganisationCanNameWhereItsStatusListsWillBe() {
        Organisation organisation = Organisation.create(folder.resolve("org"), OrganisationSettings.named("Werkgever BV")
                .withStatusBase("http://127.0.0.1:8765/"), new SecureRandom());

        assertThat(organisation.issuerId()).startsWith("did:jwk:");
        assertThat(organisation.statusBaseUrl()).isEqualTo("http://127.0.0.1:8765");
        assertThat(Organisation.open(organisation.directory()).statusBaseUrl()).isEqualTo("http://127.0.0.1:8765");
    }

    @Test
    void aFolderHoldsOneOrganisation() {
        Organisation.create(folder, OrganisationSettings.named("A"), new SecureRandom());

        assertThatThrownBy(() -> Organisation.create(folder, OrganisationSettings.named("B"), new SecureRandom()))
                .isInstanceOfSatisfying(IssuerException.class,
                        e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.ORGANISATION_EXISTS));
        assertThatThrownBy(() -> Organisation.open(folder.resolve("elsewhere"))).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.NO_ORGANISATION));
    }

    @Test
    void anOrganisationWhoseKeyIsNotTheOneItNamesIsDamaged() throws Exception {
        Organisation first = Organisation.create(folder.resolve("a"), OrganisationSettings.named("A").withDid("did:web:a.nl"),
                new SecureRandom());
        Organisation second = Organisation.create(folder.resolve("b"), OrganisationSettings.named("B").withDid("did:web:a.nl"),
                new SecureRandom());
        Files.copy(second.directory().resolve(Organisation.KEY_FILE), first.directory().resolve(Organisation.KEY_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> Organisation.open(first.directory())).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.ORGANISATION_DAMAGED));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        List<Object[]> bad = List.of(
                new Object[] {"name", (Runnable) () -> OrganisationSettings.named(" ")},
                new Object[] {"country", (Runnable) () -> OrganisationSettings.named("A").withCountry("NLD")},
                new Object[] {"did", (Runnable) () -> OrganisationSettings.named("A").withDid("did:key:z6Mk")},
                new Object[] {"did", (Runnable) () -> OrganisationSettings.named("A").withDid("did:web:a.nl:..")},
                new Object[] {"url", (Runnable) () -> OrganisationSettings.named("A").withUrl("http://a.nl")},
                new Object[] {"url", (Runnable) () -> OrganisationSettings.named("A").withDid("did:web:a.nl").withUrl("https://b.nl")},
                new Object[] {"status-base", (Runnable) () -> OrganisationSettings.named("A").withUrl("https://a.nl")
                        .withStatusBase("https://a.nl/status")},
                new Object[] {"status-base", (Runnable) () -> OrganisationSettings.named("A").withStatusBase("ftp://a.nl")},
                new Object[] {"alg", (Runnable) () -> SigningAlgorithm.of("RS256")});
        for (Object[] each : bad) {
            assertThatThrownBy(((Runnable) each[1])::run).as((String) each[0]).isInstanceOfSatisfying(IssuerException.class, e -> {
                assertThat(e.problem()).isEqualTo(IssuerException.Problem.BAD_SETTING);
                assertThat(e.arguments()).containsExactly((String) each[0]);
            });
        }
    }
}
