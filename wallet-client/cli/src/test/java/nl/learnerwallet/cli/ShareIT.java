package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.EdubadgesIssuer;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.ServerProcess;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The learner shares two badges; an employer scans the QR code and opens the page in a real
 * headless Chromium; the learner revokes the share and the link dies. The real server, the real
 * command, Debian's Chromium and ChromeDriver, all on loopback.
 */
class ShareIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path serverFolder;

    @TempDir
    Path files;

    private final TestIssuer issuer = TestIssuer.es256();
    private ServerProcess server;
    private CliRun learner;
    private WebDriver browser;
    private String holder;

    @BeforeEach
    void setUp() throws Exception {
        learner = new CliRun(home);
        holder = JSON.readTree(learner.run("init", "--json").out()).path("holder").asText();
        learner.run("trust", "add", issuer.did(), "--name", "Hogeschool Utrecht");
        server = new ServerProcess(serverFolder).trusting(home.resolve("trust.json")).start();
        assertThat(learner.run("account", "register", "--server", server.url()).exit()).isZero();
        importCredential(DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed());
        importCredential(DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).signed());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    private void importCredential(String token) throws IOException {
        Path file = Files.writeString(files.resolve(System.nanoTime() + ".jwt"), token);
        assertThat(learner.run("import", file.toString()).exit()).isZero();
    }

    private List<String> ids() throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode entry : JSON.readTree(learner.run("list", "--json").out())) {
            ids.add(entry.path("id").asText());
        }
        return ids;
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=430,2200", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @Test
    void anEmployerScansTheQrCodeSeesBothBadgesGenuineAndTheLinkDiesWhenRevoked() throws Exception {
        List<String> ids = ids();
        Path qr = files.resolve("share.png");
        CliRun.Result created = learner.run("share", "create", ids.get(0), ids.get(1), "--qr", qr.toString(),
                "--label", "Sollicitatie", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode share = JSON.readTree(created.out());
        String url = share.path("url").asText();
        assertThat(url).startsWith(server.url() + "/s/");

        // The QR code decodes, with zxing as phone scanners do, to the link.
        String scanned = QrImages.read(qr);
        assertThat(scanned).isEqualTo(url);

        browser = chromium();
        browser.get(scanned);
        List<WebElement> credentials = browser.findElements(By.cssSelector("section.credential"));
        assertThat(credentials).hasSize(2);
        WebElement micro = browser.findElement(By.cssSelector("section.kind-microcredential"));
        assertThat(micro.findElement(By.cssSelector(".kind")).getText()).isEqualTo("Microcredential");
        assertThat(micro.findElement(By.cssSelector(".verdict")).getText()).contains("Genuine");
        assertThat(micro.getText()).contains("Data-analyse met Python").contains("EQF 6").contains("5 EC");
        WebElement badge = browser.findElement(By.cssSelector("section.kind-regular-badge"));
        assertThat(badge.findElement(By.cssSelector(".verdict")).getText()).contains("Genuine");
        // The kinds look different, not only in words: another border colour.
        assertThat(micro.getCssValue("border-left-color")).isNotEqualTo(badge.getCssValue("border-left-color"));
        Path screenshot = Paths.get("target", "screenshots", "share-page.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);

        // The same verdicts on the client, from the link and from the QR image.
        CliRun employer = new CliRun(files.resolve("employer-home"));
        CliRun.Result fromLink = employer.withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true")
                .run("verify", url, "--json");
        JsonNode verdict = JSON.readTree(fromLink.out());
        assertThat(verdict.path("credentials")).hasSize(2);
        // The employer trusts no issuer yet: genuine signatures, issuer not recognised.
        assertThat(verdict.path("credentials").get(0).path("status").asText()).isEqualTo("UNKNOWN_ISSUER");
        assertThat(fromLink.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        learner.withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        CliRun.Result fromQr = learner.run("verify", qr.toString(), "--json");
        assertThat(fromQr.exit()).as(fromQr.out() + fromQr.err()).isZero();
        assertThat(JSON.readTree(fromQr.out()).path("status").asText()).isEqualTo("VERIFIED");

        // The learner sees who looked, and revokes.
        JsonNode log = JSON.readTree(learner.run("share", "log", share.path("id").asText(), "--json").out());
        assertThat(log.toString()).contains("Chrome");
        assertThat(learner.run("share", "revoke", share.path("id").asText()).exit()).isZero();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not available");
        assertThat(browser.findElements(By.cssSelector("section.credential"))).isEmpty();
        JsonNode listed = JSON.readTree(learner.run("share", "list", "--json").out());
        assertThat(listed.get(0).path("state").asText()).isEqualTo("REVOKED");
        assertThat(listed.get(0).path("label").asText()).isEqualTo("Sollicitatie");
        assertThat(learner.run("verify", url).exit()).isEqualTo(ExitCode.UNREACHABLE);

        // The token is in no server log line; the share id may be.
        String token = url.substring(url.lastIndexOf('/') + 1);
        String serverLog = Files.readString(serverFolder.resolve("server.log"));
        assertThat(serverLog).contains(share.path("id").asText()).doesNotContain(token);
    }

    @Test
    void aBadgeRevokedAtTheIssuerAfterSharingShowsRevokedAndAnUnreachableIssuerNeverGenuine() throws Exception {
        try (LoopbackIssuer host = LoopbackIssuer.http()) {
            EdubadgesIssuer edubadges = new EdubadgesIssuer(host.base()).publish(host);
            CliRun online = learner.withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
            online.run("identity", "add", "learner@student.example.nl");
            online.run("trust", "add", edubadges.issuerId(), "--name", "Hogeschool Voorbeeld");
            String revokedUrl = edubadges.publish(host, edubadges.assertion("R1", "learner@student.example.nl"));
            String goneUrl = edubadges.publish(host, edubadges.assertion("G1", "learner@student.example.nl"));
            String revokedId = JSON.readTree(online.run("import", revokedUrl, "--json").out()).path("id").asText();
            String goneId = JSON.readTree(online.run("import", goneUrl, "--json").out()).path("id").asText();
            String revokedShare = JSON.readTree(online.run("share", "create", revokedId, "--json").out()).path("url").asText();
            // A baked badge is shared as its assertion, and the page checks the issuer's copy.
            Path baked = files.resolve("baked.png");
            Files.write(baked, BadgeBaker.png(edubadges.assertion("B1", "learner@student.example.nl").toString()));
            edubadges.publish(host, edubadges.assertion("B1", "learner@student.example.nl"));
            String bakedId = JSON.readTree(online.run("import", baked.toString(), "--json").out()).path("id").asText();
            String bakedShare = JSON.readTree(online.run("share", "create", bakedId, "--json").out()).path("url").asText();
            String goneShare = JSON.readTree(online.run("share", "create", goneId, "--json").out()).path("url").asText();
            // The server's trust list was read at its start: restart it so it knows this issuer too.
            server.close();
            server = server.restartOnSamePort().start();

            browser = chromium();
            browser.get(bakedShare);
            assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).contains("Genuine");

            host.status(revokedUrl.substring(host.base().length()), 410);
            browser.get(revokedShare);
            assertThat(browser.findElement(By.cssSelector(".verdict")).getText()).contains("Revoked");

            host.status(goneUrl.substring(host.base().length()), 503);
            browser.get(goneShare);
            String verdict = browser.findElement(By.cssSelector(".verdict")).getText();
            assertThat(verdict).contains("Could not be verified").doesNotContain("Genuine");
        }
    }

    @Test
    void aLearnerSharesOnlyTheTitleAndLevelOfAnSdJwtAndTheEmployerSeesWhatWasWithheld() throws Exception {
        com.nimbusds.jose.jwk.JWK holderKey = com.nimbusds.jose.jwk.JWK.parse(new String(java.util.Base64.getUrlDecoder()
                .decode(holder.substring("did:jwk:".length())), java.nio.charset.StandardCharsets.UTF_8));
        Path file = Files.writeString(files.resolve("micro.sd-jwt"),
                new nl.learnerwallet.testsupport.SdJwtIssuer(issuer).microcredential(holderKey).issue());
        String id = JSON.readTree(learner.run("import", file.toString(), "--json").out()).path("id").asText();

        CliRun.Result created = learner.run("share", "create", id, "--disclose", "achievement_title", "level", "--json");
        assertThat(created.exit()).as(created.err()).isZero();

        browser = chromium();
        browser.get(JSON.readTree(created.out()).path("url").asText());
        WebElement credential = browser.findElement(By.cssSelector("section.credential"));
        assertThat(credential.findElement(By.cssSelector(".verdict")).getText()).contains("Genuine");
        assertThat(credential.getText()).contains("Circulaire bouwtechniek").contains("EQF 6")
                .doesNotContain("Daan").doesNotContain("7.5").doesNotContain("5 EC");
        assertThat(credential.findElement(By.cssSelector(".withheld")).getText())
                .contains("Not shown by the learner").contains("grade").contains("family name").contains("study load");
    }

    @Test
    void aLinkPastItsViewLimitDies() throws Exception {
        List<String> ids = ids();
        JsonNode share = JSON.readTree(learner.run("share", "create", ids.get(0), "--max-views", "1", "--json").out());
        browser = chromium();
        browser.get(share.path("url").asText());
        assertThat(browser.findElements(By.cssSelector("section.credential"))).hasSize(1);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link is not available");
        assertThat(JSON.readTree(learner.run("share", "show", share.path("id").asText(), "--json").out())
                .path("state").asText()).isEqualTo("USED_UP");
    }

    @Test
    void anExpiredCredentialCanStillBeSharedAndSaysSo() throws Exception {
        String did = learner.run("identity", "list").out().replaceAll("(?s).*(did:jwk:[A-Za-z0-9_-]+).*", "$1");
        importCredential(DutchCredentials.of(Shape.DIPLOMA, issuer).toHolder(did).expired().signed());
        String expiredId = null;
        for (JsonNode entry : JSON.readTree(learner.run("list", "--json").out())) {
            if (entry.path("status").asText().equals("EXPIRED")) {
                expiredId = entry.path("id").asText();
            }
        }
        assertThat(expiredId).isNotNull();
        JsonNode share = JSON.readTree(learner.run("share", "create", expiredId, "--expires", "2d", "--json").out());
        browser = chromium();
        browser.get(share.path("url").asText());
        WebElement diploma = browser.findElement(By.cssSelector("section.kind-diploma"));
        assertThat(diploma.findElement(By.cssSelector(".verdict")).getText()).contains("expired");
        assertThat(browser.findElement(By.cssSelector(".link-expiry")).getText()).contains("This link expires");
    }
}
