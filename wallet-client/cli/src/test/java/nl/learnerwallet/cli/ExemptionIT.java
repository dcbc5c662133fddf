package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.ServerProcess;
import nl.learnerwallet.testsupport.TestIssuer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The exemption story, from both sides, on a real server: a learner with two microcredentials asks
 * for an exemption; the committee opens the dossier in headless Chromium, downloads the PDF, and
 * records "partly granted" signed with the institution's key; the learner sees and verifies it.
 */
class ExemptionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path committeeHome;
    @TempDir
    Path serverFolder;
    @TempDir
    Path files;

    private ServerProcess server;
    private WebDriver browser;

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCommitteeReadsTheDossierAndTheLearnerGetsItsSignedDecision() throws Exception {
        TestIssuer roc = TestIssuer.es256();
        TestIssuer hogeschool = TestIssuer.es256();
        CliRun committee = new CliRun(committeeHome).withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        Path institution = files.resolve("hogeschool-rotterdam");
        assertThat(committee.run("issuer", "init", institution.toString(), "--name", "Hogeschool Rotterdam").exit()).isZero();
        String institutionId = JSON.readTree(Files.readAllBytes(institution.resolve("organisation.json"))).path("issuer").asText();

        // The learner's wallet reads decisions from its own server, so it needs no private-network fetching.
        CliRun learner = new CliRun(home);
        String holder = JSON.readTree(learner.run("init", "--json").out()).path("holder").asText();
        assertThat(learner.run("trust", "add", roc.did(), "--name", "ROC Midden Nederland").exit()).isZero();
        assertThat(learner.run("trust", "add", hogeschool.did(), "--name", "Hogeschool Utrecht").exit()).isZero();
        assertThat(learner.run("trust", "add", institutionId, "--name", "Hogeschool Rotterdam").exit()).isZero();
        List<String> ids = new ArrayList<>();
        ids.add(importCredential(learner, DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, roc).toHolder(holder).signed()));
        ids.add(importCredential(learner, DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, hogeschool).toHolder(holder).signed()));

        Path serverTrust = files.resolve("server-trust.json");
        Files.write(serverTrust, TrustList.fromJson(Files.readAllBytes(home.resolve("trust.json"))).toJson());
        server = new ServerProcess(serverFolder).trusting(serverTrust).start();
        assertThat(learner.run("account", "register", "--server", server.url()).exit()).isZero();
        Path outcomes = Files.writeString(files.resolve("outcomes.txt"),
                "- Analyseert een dataset met Python\n- Presenteert bevindingen aan een opdrachtgever\n");
        List<String> create = new ArrayList<>(List.of("share", "create"));
        create.addAll(ids);
        create.addAll(List.of("--purpose", "exemption", "--institution", "Hogeschool Rotterdam",
                "--course", "DATA-201 Data-analyse", "--course-outcomes", outcomes.toString(), "--course-level", "6",
                "--course-ects", "5", "--motivation", "Gedekt door mijn microcredential van Hogeschool Utrecht.", "--json"));
        CliRun.Result created = learner.run(create.toArray(new String[0]));
        assertThat(created.exit()).as(created.err()).isZero();
        String link = JSON.readTree(created.out()).path("url").asText();
        String shareId = JSON.readTree(created.out()).path("id").asText();

        // The committee opens the dossier as a page, then downloads the PDF linked from it.
        browser = chromium();
        browser.get(link);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("DATA-201").contains("Data-analyse").contains("Hogeschool Rotterdam")
                .contains("240 SBU").contains("5 EC").contains("Analyseert een dataset met Python");
        String pdfLink = browser.findElement(By.cssSelector("a[href$='dossier.pdf']")).getAttribute("href");
        String pdfText = pdfText(pdfLink);
        assertThat(pdfText).contains("DATA-201").contains("Hogeschool Rotterdam").contains("EQF 6");

        CliRun.Result decided = committee.run("issuer", "decide", institution.toString(), link, "--decision", "partly-granted",
                "--granted-outcome", "Analyseert een dataset met Python",
                "--grounds", "Presenteren aan een opdrachtgever is niet aangetoond.",
                "--deciding-body", "Examencommissie HBO-ICT",
                "--appeal", "Beroep binnen zes weken bij het College van beroep voor de examens.", "--json");
        assertThat(decided.exit()).as(decided.out() + decided.err()).isZero();

        // The learner sees the decision, verified against the institution's key and the trust list.
        CliRun.Result shown = learner.run("share", "show", shareId, "--json");
        assertThat(shown.exit()).as(shown.err()).isZero();
        JsonNode decision = JSON.readTree(shown.out()).path("decisions").get(0);
        assertThat(decision.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(decision.path("decision").path("decision").asText()).isEqualTo("partly-granted");
        assertThat(decision.path("issuer").asText()).isEqualTo(institutionId);
        assertThat(learner.run("share", "show", shareId, "--import-decisions").exit()).isZero();
        assertThat(learner.run("list").out()).contains("DATA-201");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".decisions")).getText()).contains("Examencommissie HBO-ICT")
                .contains("College van beroep");
    }

    private String importCredential(CliRun learner, String token) throws Exception {
        Path file = Files.writeString(files.resolve(System.nanoTime() + ".jwt"), token);
        CliRun.Result imported = learner.run("import", file.toString(), "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        return JSON.readTree(imported.out()).path("id").asText();
    }

    private static String pdfText(String link) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(link).openConnection();
        connection.setRequestProperty("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36");
        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(connection.getContentType()).isEqualTo("application/pdf");
        byte[] pdf;
        try (java.io.InputStream in = connection.getInputStream()) {
            pdf = in.readAllBytes();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1000,3000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
