package nl.learnerwallet.server.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.exemption.Dossiers;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.status.BitstringStatusList;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestClock;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An exemption dossier end to end on the real server: the learner shares an hbo (5 EC, EQF 6) and
 * an mbo (240 SBU, EQF 4) microcredential asking exemption from a course of 5 EC at EQF 6; the
 * committee reads the page, the JSON and the PDF, and posts signed decisions, append-only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierAndDecisionTest implements TemporaryDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final TestIssuer INSTITUTION = TestIssuer.es256();
    /** One per test class instance: the PostgreSQL subclass runs after this class has closed its own. */
    private final LoopbackIssuer statusServer = LoopbackIssuer.http();
    private static final ExemptionRequest REQUEST = new ExemptionRequest("Hogeschool Rotterdam", "INF-DA1",
            "Data-analyse voor één team", List.of("Je analyseert data met Python.", "Je rapporteert bevindingen aan collega's."),
            6, StudyLoad.ects(5), "Ik heb dit vak al gedaan in mijn microcredential.");

    @Inject
    EmbeddedServer server;

    @Inject
    TestClock clock;

    private TestAccount account;
    private TestIssuer holder;
    private TestShares shares;

    @Override
    public Map<String, String> extraProperties() {
        try {
            Path trust = Files.createTempFile("trust", ".json");
            Files.writeString(trust, "{\"entries\":[{\"id\":\"" + ISSUER.did() + "\",\"name\":\"Hogeschool Utrecht\",\"source\":\"test\"},"
                    + "{\"id\":\"" + INSTITUTION.did() + "\",\"name\":\"Hogeschool Rotterdam\",\"source\":\"test\"}]}");
            Map<String, String> properties = new HashMap<>();
            properties.put("wallet.trust-list", trust.toString());
            properties.put("wallet.trusted-proxies", "127.0.0.1");
            properties.put("wallet.fetch.allow-private-networks", "true");
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void registerAccount() {
        account = new TestAccount(server.getURI());
        assertThat(account.register().statusCode()).isEqualTo(201);
        holder = TestIssuer.es256();
        shares = new TestShares(account, holder);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    void stopStatusServer() {
        statusServer.close();
    }

    /** A live share: its token, id and the presentation it shows. */
    record Shared(String token, String id, String presentation) {
    }

    private Shared share(String purpose, Integer maxViews, ExemptionRequest request, String... credentials) throws IOException {
        TestShares.Created created = shares.create(purpose, maxViews);
        String presentation = presentation(created.audience(), created.nonce(), request, credentials);
        assertThat(shares.upload(created, presentation).statusCode()).isEqualTo(200);
        return new Shared(created.token(), created.id(), presentation);
    }

    private Shared dossier(String... credentials) throws IOException {
        return share("exemption", null, REQUEST, credentials);
    }

    /** The learner's presentation, with the exemption request as the client puts it there. */
    private String presentation(String audience, String nonce, ExemptionRequest request, String... credentials) {
        return TestShares.envelope(holder, audience, nonce, TestShares.vcJwts(List.of(credentials)), payload -> {
            if (request != null) {
                payload.set("exemptionRequest", request.toJson());
            }
        });
    }

    private String hbo() {
        return DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ISSUER).toHolder(holder.did()).signed();
    }

    private String mbo() {
        return DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, ISSUER).toHolder(holder.did()).signed();
    }

    /** An OB 3.0 VC-JWT with the decision as ExemptionDecision's javadoc says, as `wallet issuer decide` makes it. */
    private static String decision(TestIssuer signer, String issuerDid, String id, String subject, ExemptionDecision decision) {
        ObjectNode vc = JSON.createObjectNode();
        vc.putArray("@context").add("https://www.w3.org/2018/credentials/v1")
                .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        vc.put("id", id);
        vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode issuer = vc.putObject("issuer");
        issuer.put("id", issuerDid);
        issuer.putArray("type").add("Profile");
        issuer.put("name", "Hogeschool Rotterdam");
        vc.put("issuanceDate", "2026-09-01T10:00:00Z");
        vc.put("name", "Besluit over vrijstelling");
        ObjectNode subjectNode = vc.putObject("credentialSubject");
        subjectNode.putArray("type").add("AchievementSubject");
        subjectNode.put("id", subject);
        ObjectNode achievement = subjectNode.putObject("achievement");
        achievement.put("id", "https://hr.example.nl/achievements/exemption-decision");
        achievement.putArray("type").add("Achievement");
        achievement.put("name", "Besluit over vrijstelling");
        achievement.put("achievementType", ExemptionDecision.ACHIEVEMENT_TYPE);
        achievement.put("description", "Besluit van de examencommissie");
        achievement.putObject("criteria").put("narrative", "Besluit van de examencommissie");
        subjectNode.set("exemptionDecision", decision.toJson());
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", issuerDid);
        payload.put("sub", subject);
        payload.put("jti", id);
        payload.put("nbf", Instant.parse("2026-09-01T10:00:00Z").getEpochSecond());
        payload.put("iat", Instant.parse("2026-09-01T10:00:00Z").getEpochSecond());
        payload.set("vc", vc);
        return signer.sign(payload);
    }

    private String decision(Shared dossier, String id, ExemptionDecision.Outcome outcome, String follows) {
        return decision(INSTITUTION, INSTITUTION.did(), id, holder.did(), decided(Dossiers.hash(dossier.presentation()), outcome,
                follows));
    }

    private static ExemptionDecision decided(String dossierHash, ExemptionDecision.Outcome outcome, String follows) {
        return new ExemptionDecision(outcome, outcome == ExemptionDecision.Outcome.PARTLY_GRANTED
                ? List.of("Je analyseert data met Python.") : List.of(), LocalDate.of(2026, 9, 1),
                "De leeruitkomsten van de microcredential dekken die van het vak.", "Examencommissie ICT",
                "Binnen zes weken bij het College van beroep voor de examens, cbe@hr.example.nl.", "Hogeschool Rotterdam",
                "INF-DA1", "Data-analyse voor één team", dossierHash, follows);
    }

    private static String newId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private HttpResponse<byte[]> post(Shared dossier, String credential) {
        return post(dossier.token(), credential.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> post(String token, byte[] body) {
        return TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + token + "/decisions"))
                .header("Content-Type", "application/jwt").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<byte[]> get(String path, String accept, String userAgent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET()
                .header("User-Agent", userAgent == null ? "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36" : userAgent);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return TestAccount.send(request);
    }

    private String html(Shared dossier, String lang) {
        HttpResponse<byte[]> page = get("/s/" + dossier.token() + "?lang=" + lang, "text/html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        return new String(page.body(), StandardCharsets.UTF_8);
    }

    private JsonNode json(Shared dossier) throws IOException {
        HttpResponse<byte[]> page = get("/s/" + dossier.token(), "application/json", null);
        assertThat(page.statusCode()).isEqualTo(200);
        return JSON.readTree(page.body());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // Lines wrap wherever the page is full: compare the words, not the line breaks.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String error(HttpResponse<byte[]> answer) throws IOException {
        return JSON.readTree(answer.body()).path("error").asText();
    }

    @Test
    void theDossierPageSummarisesAndChecksEachCredentialAgainstTheCourse() throws IOException {
        Shared dossier = dossier(hbo(), mbo());
        String page = html(dossier, "en");
        assertThat(page).contains("Exemption dossier: Data-analyse voor één team")
                .contains("Request for exemption from INF-DA1 Data-analyse voor één team at Hogeschool Rotterdam")
                .contains("2 credential(s), 2 of them genuine")
                // hbo: size, level and load met; mbo: size and load met, EQF 4 under the course's EQF 6.
                .contains("5 of 6 quality framework points met")
                .contains("No decision yet.")
                .contains("<li class=\"present\">Type of quality assurance: present</li>")
                .contains("<li class=\"absent\">Grade (optional): missing</li>")
                .contains("<td>Level at least the course&#39;s (EQF/NLQF)</td><td>EQF 4</td><td>EQF 6</td><td>not met</td>")
                .contains("<td>Size: hbo/wo 3–30 EC, mbo at least 240 SBU</td><td>240 SBU</td><td>—</td><td>met</td>")
                .contains("<td>Study load at least the course&#39;s (1 EC = 28 hours)</td><td>5 EC (140 h)</td>"
                        + "<td>5 EC (140 h)</td><td>met</td>")
                .contains("<td>Je analyseert een dataset uit je werkpraktijk met pandas.</td><td>Je analyseert data met Python.</td>")
                .contains("Praktijkopdracht en schriftelijk tentamen").contains("Gesurveilleerd tentamen met identiteitscontrole")
                .contains("NVAO-accreditatie").contains("/dossier.pdf").doesNotContain("<script");
        assertThat(html(dossier, "nl")).contains("Vrijstellingsdossier").contains("5 van 6 punten van het kwaliteitskader voldaan")
                .contains("niet voldaan").contains("Soort kwaliteitsborging: aanwezig").contains("Nog geen besluit.");
    }

    @Test
    void anEmployerShareOrOneWithoutARequestStaysAnOrdinaryPage() throws IOException {
        Shared employer = share("employer", null, REQUEST, hbo());
        Shared noRequest = share("exemption", null, null, hbo());
        for (Shared shared : List.of(employer, noRequest)) {
            assertThat(html(shared, "en")).contains("Credentials shared with you").doesNotContain("Exemption dossier");
            assertThat(json(shared).has("dossier")).isFalse();
            assertThat(get("/s/" + shared.token() + "/dossier.pdf", null, null).statusCode()).isEqualTo(404);
        }
        HttpResponse<byte[]> refused = post(employer, decision(employer, newId(), ExemptionDecision.Outcome.GRANTED, null));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(error(refused)).isEqualTo("NOT_AN_EXEMPTION_DOSSIER");
    }

    @Test
    void theJsonCarriesTheRequestTheAnalysisAndTheDossierHash() throws IOException {
        Shared dossier = dossier(hbo(), mbo());
        JsonNode json = json(dossier);
        assertThat(json.path("exemptionRequest").path("course").path("code").asText()).isEqualTo("INF-DA1");
        assertThat(json.path("dossierHash").asText()).isEqualTo(Dossiers.hash(dossier.presentation()));
        assertThat(json.path("dossier").path("genuine").asInt()).isEqualTo(2);
        assertThat(json.path("dossier").path("pointsMet").asInt()).isEqualTo(5);
        JsonNode mbo = json.path("dossier").path("credentials").get(1);
        assertThat(mbo.path("points").toString()).contains("{\"point\":\"level\",\"verdict\":\"not-met\",\"credential\":\"EQF 4\","
                + "\"course\":\"EQF 6\"}");
        assertThat(mbo.path("missingMandatory")).isEmpty();
        assertThat(json.path("decisions")).isEmpty();
    }

    @Test
    void thePdfSaysWhatThePageSaysAndCountsAsAView() throws IOException {
        Shared dossier = share("exemption", 2, REQUEST, hbo(), mbo());
        HttpResponse<byte[]> preview = get("/s/" + dossier.token() + "/dossier.pdf", null, "Slackbot-LinkExpanding 1.0");
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        HttpResponse<byte[]> pdf = get("/s/" + dossier.token() + "/dossier.pdf?lang=en", null, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"dossier.pdf\"");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(pdf.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(pdf.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        String text = text(pdf.body());
        assertThat(text).contains("Data-analyse voor één team").contains("INF-DA1").contains("Hogeschool Rotterdam")
                .contains("Data-analyse met Python").contains("Basisvaardigheden zorgtechnologie").contains("Genuine")
                .contains("5 of 6 quality framework points met").contains("not met").contains("EQF 4")
                .contains("Type of quality assurance: present").contains("Je analyseert data met Python.")
                .contains("No decision yet.");
        assertThat(text(get("/s/" + dossier.token() + "/dossier.pdf?lang=nl", null, null).body()))
                .contains("niet voldaan").contains("Vrijstellingsdossier");
        // Two views used: the page is gone too.
        assertThat(get("/s/" + dossier.token(), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aDecisionIsTakenShownAndOnlyEverFollowedNeverReplaced() throws IOException {
        Shared dossier = dossier(hbo(), mbo());
        String firstId = newId();
        String first = decision(dossier, firstId, ExemptionDecision.Outcome.MORE_INFORMATION, null);
        HttpResponse<byte[]> accepted = post(dossier, first);
        assertThat(accepted.statusCode()).as(new String(accepted.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(JSON.readTree(accepted.body()).path("id").asText()).isEqualTo(firstId);
        assertThat(JSON.readTree(accepted.body()).path("number").asInt()).isEqualTo(1);

        HttpResponse<byte[]> again = post(dossier, first);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(error(again)).isEqualTo("DECISION_EXISTS");
        assertThat(JSON.readTree(again.body()).path("message").asText())
                .contains("a decision cannot be changed, only followed by a new one");
        HttpResponse<byte[]> sameIdOtherOutcome = post(dossier, decision(dossier, firstId, ExemptionDecision.Outcome.GRANTED, null));
        assertThat(sameIdOtherOutcome.statusCode()).isEqualTo(409);
        HttpResponse<byte[]> withoutFollows = post(dossier, decision(dossier, newId(), ExemptionDecision.Outcome.GRANTED, null));
        assertThat(withoutFollows.statusCode()).isEqualTo(409);
        assertThat(error(withoutFollows)).isEqualTo("DECISION_EXISTS");
        HttpResponse<byte[]> followsAnother = post(dossier, decision(dossier, newId(), ExemptionDecision.Outcome.GRANTED, newId()));
        assertThat(followsAnother.statusCode()).isEqualTo(409);

        String secondId = newId();
        HttpResponse<byte[]> followUp = post(dossier, decision(dossier, secondId, ExemptionDecision.Outcome.PARTLY_GRANTED, firstId));
        assertThat(followUp.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(followUp.body()).path("number").asInt()).isEqualTo(2);

        JsonNode stored = JSON.readTree(get("/s/" + dossier.token() + "/decisions", "application/json", null).body());
        assertThat(stored.path("decisions")).hasSize(2);
        assertThat(stored.path("decisions").get(0).path("number").asInt()).isEqualTo(1);
        assertThat(stored.path("decisions").get(0).path("credential").asText()).isEqualTo(first);
        assertThat(stored.path("decisions").get(1).path("receivedAt").asText()).isNotEmpty();

        String page = html(dossier, "en");
        assertThat(page).contains("Latest decision (decision 2): Exemption partly granted — Granted for: Je analyseert data met Python.")
                .contains("Decision 1: More information needed").contains("Decision 2: Exemption partly granted")
                .contains("This decision follows decision 1.")
                .contains("Signature: Genuine (Hogeschool Rotterdam)").contains("Examencommissie ICT")
                .contains("The learner can appeal to the board of appeal for examinations. Binnen zes weken")
                .contains("De leeruitkomsten van de microcredential dekken die van het vak.").contains("September 1, 2026");
        JsonNode json = json(dossier);
        assertThat(json.path("decisions")).hasSize(2);
        assertThat(json.path("decisions").get(1).path("follows").asInt()).isEqualTo(1);
        assertThat(json.path("decisions").get(1).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(json.path("decisions").get(1).path("decision").path("decision").asText()).isEqualTo("partly-granted");
        String pdf = text(get("/s/" + dossier.token() + "/dossier.pdf?lang=en", null, null).body());
        assertThat(pdf).contains("Decision 2: Exemption partly granted").contains("This decision follows decision 1.")
                .contains("board of appeal for examinations").contains("Examencommissie ICT");
    }

    @Test
    void aDecisionSignedWithAnotherKeyThanTheInstitutionsIsRefused() throws IOException {
        Shared dossier = dossier(hbo());
        TestIssuer stranger = TestIssuer.es256();
        String forged = decision(stranger, INSTITUTION.did(), newId(), holder.did(),
                decided(Dossiers.hash(dossier.presentation()), ExemptionDecision.Outcome.GRANTED, null));
        HttpResponse<byte[]> answer = post(dossier, forged);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(error(answer)).isEqualTo("DECISION_SIGNATURE");

        // A changed decision: the institution's signature no longer matches.
        String[] parts = decision(dossier, newId(), ExemptionDecision.Outcome.REFUSED, null).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("refused", "granted");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(error(post(dossier, tampered))).isEqualTo("DECISION_SIGNATURE");
        assertThat(JSON.readTree(get("/s/" + dossier.token() + "/decisions", null, null).body()).path("decisions")).isEmpty();
    }

    @Test
    void aDecisionForAnotherDossierAnotherLearnerOrNothingReadableIsRefused() throws IOException {
        Shared dossier = dossier(hbo());
        Shared other = dossier(mbo());
        HttpResponse<byte[]> otherDossier = post(dossier, decision(other, newId(), ExemptionDecision.Outcome.GRANTED, null));
        assertThat(otherDossier.statusCode()).isEqualTo(422);
        assertThat(error(otherDossier)).isEqualTo("DECISION_OTHER_DOSSIER");
        assertThat(JSON.readTree(otherDossier.body()).path("message").asText()).isEqualTo("a decision for another dossier");

        String someoneElse = decision(INSTITUTION, INSTITUTION.did(), newId(), TestIssuer.es256().did(),
                decided(Dossiers.hash(dossier.presentation()), ExemptionDecision.Outcome.GRANTED, null));
        assertThat(error(post(dossier, someoneElse))).isEqualTo("DECISION_NOT_FOR_HOLDER");

        String followsNothing = decision(dossier, newId(), ExemptionDecision.Outcome.GRANTED, newId());
        assertThat(error(post(dossier, followsNothing))).isEqualTo("DECISION_FOLLOWS_UNKNOWN");

        assertThat(error(post(dossier, hbo()))).isEqualTo("DECISION_MALFORMED");
        assertThat(error(post(dossier.token(), "not a jwt".getBytes(StandardCharsets.UTF_8)))).isEqualTo("DECISION_MALFORMED");
        HttpResponse<byte[]> huge = post(dossier.token(), new byte[64 * 1024 + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(error(huge)).isEqualTo("DECISION_TOO_LARGE");
    }

    @Test
    void anInstitutionNotOnTheTrustListCannotDecide() throws IOException {
        // Else the learner (or anyone with the link) could post a self-signed "granted", or fill the
        // dossier with decisions the real committee would have to follow.
        Shared dossier = dossier(hbo());
        TestIssuer unknown = TestIssuer.es256();
        String decision = decision(unknown, unknown.did(), newId(), holder.did(),
                decided(Dossiers.hash(dossier.presentation()), ExemptionDecision.Outcome.GRANTED, null));
        HttpResponse<byte[]> answer = post(dossier, decision);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("DECISION_UNTRUSTED");
        assertThat(html(dossier, "en")).doesNotContain("Exemption granted");
    }

    @Test
    void unknownRevokedAndExpiredLinksHaveNoDecisions() throws IOException {
        assertThat(post(ShareToken.generate(RANDOM), "x".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(404);
        assertThat(get("/s/" + ShareToken.generate(RANDOM) + "/decisions", null, null).statusCode()).isEqualTo(404);

        Shared revoked = dossier(hbo());
        assertThat(post(revoked, decision(revoked, newId(), ExemptionDecision.Outcome.GRANTED, null)).statusCode()).isEqualTo(201);
        assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/shares/" + revoked.id(), null)).statusCode()).isEqualTo(200);
        assertThat(get("/s/" + revoked.token() + "/decisions", null, null).statusCode()).isEqualTo(404);
        assertThat(post(revoked, decision(revoked, newId(), ExemptionDecision.Outcome.GRANTED, null)).statusCode()).isEqualTo(404);

        Shared expiring = dossier(hbo());
        clock.advance(Duration.ofDays(8));
        assertThat(get("/s/" + expiring.token() + "/decisions", null, null).statusCode()).isEqualTo(404);
        assertThat(post(expiring, decision(expiring, newId(), ExemptionDecision.Outcome.GRANTED, null)).statusCode()).isEqualTo(404);
    }

    @Test
    void aCredentialRevokedAfterTheRequestShowsRevokedOnThePageTheSummaryAndThePdf() throws Exception {
        publishStatusList(false);
        DutchCredentials revocable = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, ISSUER).toHolder(holder.did());
        ObjectNode payload = revocable.payload();
        ((ObjectNode) payload.get("vc")).putObject("credentialStatus").put("id", statusServer.url("/status/1#40"))
                .put("type", "BitstringStatusListEntry").put("statusPurpose", "revocation")
                .put("statusListIndex", "40").put("statusListCredential", statusServer.url("/status/1"));
        Shared dossier = dossier(ISSUER.sign(payload), mbo());
        assertThat(html(dossier, "en")).contains("2 credential(s), 2 of them genuine").doesNotContain("Revoked by the issuer");

        publishStatusList(true);
        clock.advance(Duration.ofMinutes(2)); // past the page's one-minute verification cache
        String page = html(dossier, "en");
        assertThat(page).contains("2 credential(s), 1 of them genuine")
                .contains("<li class=\"bad\">Warning: 1 credential(s) revoked by the issuer since they were shared.</li>")
                .contains("status-revoked").contains("Revoked by the issuer");
        assertThat(json(dossier).path("dossier").path("revoked").asInt()).isEqualTo(1);
        String pdf = text(get("/s/" + dossier.token() + "/dossier.pdf?lang=en", null, null).body());
        assertThat(pdf).contains("Revoked by the issuer").contains("1 credential(s) revoked by the issuer");
    }

    private void publishStatusList(boolean revoked) throws IOException {
        byte[] bits = new byte[BitstringStatusList.MIN_BYTES];
        if (revoked) {
            bits[5] = (byte) 0x80; // index 40
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        }
        ObjectNode list = JSON.createObjectNode();
        list.put("iss", ISSUER.did());
        ObjectNode vc = list.putObject("vc");
        vc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.put("issuer", ISSUER.did());
        vc.put("validFrom", "2026-01-01T00:00:00Z");
        vc.putObject("credentialSubject").put("id", statusServer.url("/status/1#list")).put("type", "BitstringStatusList")
                .put("statusPurpose", "revocation")
                .put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray()));
        statusServer.text("/status/1", "application/vc+jwt", ISSUER.sign(list));
    }
}
