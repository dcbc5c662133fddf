package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback file server: the right media types, and nothing outside the published folder. */
class HostedFilesTest {

    @TempDir
    Path folder;

    private Path published;
    private HostedFiles files;

    @BeforeEach
    void serve() throws Exception {
        published = Files.createDirectories(folder.resolve("public"));
        Files.createDirectories(published.resolve(".well-known/jwt-vc-issuer"));
        Files.createDirectories(published.resolve("status"));
        Files.createDirectories(published.resolve("badges"));
        Files.writeString(published.resolve(".well-known/did.json"), "{\"id\":\"did:web:x\"}");
        Files.writeString(published.resolve(".well-known/jwt-vc-issuer/badges"), "{}");
        Files.writeString(published.resolve("status/1"), "eyJ.list.1");
        Files.writeString(published.resolve("status/token-1"), "eyJ.token.1");
        Files.writeString(published.resolve("badges/index.json"), "{\"id\":\"profile\"}");
        Files.writeString(published.resolve("jwks.json"), "{\"keys\":[]}");
        Files.writeString(published.resolve(".hidden"), "secret");
        Files.writeString(folder.resolve("organisation.json"), "{\"outside\":true}");
        files = new HostedFiles(published).start(0);
    }

    @AfterEach
    void stop() {
        files.stop();
    }

    private HttpURLConnection get(String path, String method) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(files.url() + path).openConnection();
        connection.setRequestMethod(method);
        return connection;
    }

    private void assertServed(String path, String contentType, String body) throws Exception {
        HttpURLConnection connection = get(path, "GET");
        assertThat(connection.getResponseCode()).as(path).isEqualTo(200);
        assertThat(connection.getContentType()).as(path).isEqualTo(contentType);
        assertThat(new String(connection.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void servesEachFileWithItsMediaType() throws Exception {
        assertServed("/.well-known/did.json", "application/did+json", "{\"id\":\"did:web:x\"}");
        assertServed("/.well-known/jwt-vc-issuer/badges", "application/json", "{}");
        assertServed("/status/1", "application/vc+jwt", "eyJ.list.1");
        assertServed("/status/token-1", "application/statuslist+jwt", "eyJ.token.1");
        assertServed("/jwks.json", "application/json", "{\"keys\":[]}");
        assertServed("/badges", "application/json", "{\"id\":\"profile\"}");
        assertServed("/badges/", "application/json", "{\"id\":\"profile\"}");
        assertThat(get("/status/1", "HEAD").getResponseCode()).isEqualTo(200);
    }

    @Test
    void servesAFileAsItIsNowSoARewrittenStatusListIsSeenAtOnce() throws Exception {
        Files.writeString(published.resolve("status/1"), "eyJ.list.2");

        assertServed("/status/1", "application/vc+jwt", "eyJ.list.2");
    }

    @Test
    void servesNothingOutsideThePublishedFolderNorHiddenFiles() throws Exception {
        for (String path : new String[] {"/../organisation.json", "/%2e%2e/organisation.json", "/.hidden", "/status/2", "/status",
                "/"}) {
            assertThat(get(path, "GET").getResponseCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/status/1", "POST").getResponseCode()).isEqualTo(405);
    }

    @Test
    void mapsFilesToTheirUrls() {
        assertThat(HostedFiles.urlPathOf(Path.of("status", "1"))).isEqualTo("/status/1");
        assertThat(HostedFiles.urlPathOf(Path.of("badges", "index.json"))).isEqualTo("/badges");
        assertThat(HostedFiles.urlPathOf(Path.of("index.json"))).isEqualTo("");
        assertThat(HostedFiles.fileFor(published, "/a/../b")).isNull();
        assertThat(HostedFiles.fileFor(published, "/a/")).isEqualTo(published.resolve("a/index.json"));
    }
}
