package nl.learnerwallet.server.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.presentation.EnvelopedCredential;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.sdjwt.HashAlgorithm;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.server.support.TestAccount;
import nl.learnerwallet.server.support.TestClock;
import nl.learnerwallet.server.support.TestShares;
import nl.learnerwallet.server.support.TestShares.Created;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Shares end to end on the real server: creating them, the presentation the server accepts or
 * refuses, and the public page with its states, limits, headers and verdicts.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareAndPageTest implements TemporaryDatabase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TestIssuer ISSUER = TestIssuer.es256();

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
            Files.writeString(trust, "{\"entries\":[{\"id\":\"" + ISSUER.did() + "\",\"name\":\"Hogeschool Utrecht\",\"source\":\"test\"}]}");
            Map<String, String> properties = new HashMap<>();
            properties.put("wallet.trust-list", trust.toString());
            properties.put("wallet.share.failed-lookups-per-window", "40");
            // A long window, so that the thousand lookups cannot straddle the start of a new one.
            properties.put("wallet.share.failed-lookup-window-seconds", "2592000");
            // The test client stands behind a "proxy" on loopback, so each test can be its own client.
            properties.put("wallet.trusted-proxies", "127.0.0.1");
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

    private Created create(Integer maxViews) {
        return shares.create("employer", maxViews);
    }

    private String presentation(TestIssuer signer, String audience, String nonce, List<String> credentials) {
        return envelope(signer, audience, nonce, TestShares.vcJwts(credentials));
    }

    /** An EU Learning Credential bound to the holder, presented with only these claims and a key binding. */
    private String selectiveSdJwt(String audience, String nonce, Instant madeAt, String... claims) {
        SdJwt issued = SdJwt.parse(new SdJwtIssuer(ISSUER).euLearningCredential(holder.publicJwk()).issue());
        List<String> kept = new java.util.ArrayList<>();
        for (String disclosure : issued.disclosures()) {
            String decoded = new String(Base64.getUrlDecoder().decode(disclosure), StandardCharsets.UTF_8);
            for (String claim : claims) {
                if (decoded.contains("\"" + claim + "\"")) {
                    kept.add(disclosure);
                }
            }
        }
        SdJwt partial = SdJwt.of(issued.issuerJwt(), kept, null);
        ObjectNode binding = JSON.createObjectNode();
        binding.put("iat", madeAt.getEpochSecond());
        binding.put("aud", audience);
        binding.put("nonce", nonce);
        binding.put("sd_hash", partial.sdHash(HashAlgorithm.SHA_256));
        String keyBinding = holder.sign(new com.nimbusds.jose.JWSHeader.Builder(holder.algorithm())
                .type(new JOSEObjectType("kb+jwt")).build(), binding.toString());
        return "data:application/dc+sd-jwt," + SdJwt.of(issued.issuerJwt(), kept, keyBinding);
    }

    private String envelope(TestIssuer signer, String audience, String nonce, List<String> dataUrls) {
        return TestShares.envelope(signer, audience, nonce, dataUrls, payload -> { });
    }

    private String credential(Shape shape) {
        return DutchCredentials.of(shape, ISSUER).toHolder(holder.did()).signed();
    }

    private HttpResponse<byte[]> upload(Created share, String presentation) {
        return shares.upload(share, presentation);
    }

    private Created activeShare(Integer maxViews, String... credentials) {
        return shares.active(maxViews, credentials);
    }

    private HttpResponse<byte[]> page(String token, String accept, String userAgent) {
        return page(token, accept, userAgent, null);
    }

    private HttpResponse<byte[]> page(String token, String accept, String userAgent, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/s/" + token)).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        request.header("User-Agent", userAgent == null ? "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36" : userAgent);
        return TestAccount.send(request);
    }

    private JsonNode pageJson(String token) throws IOException {
        HttpResponse<byte[]> response = page(token, "application/json", null);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void thePageVerifiesEveryCredentialAndShowsWhatItCertifies() throws IOException {
        Created share = activeShare(null, credential(Shape.HBO_MICROCREDENTIAL), credential(Shape.REGULAR_BADGE));
        JsonNode page = pageJson(share.token());
        assertThat(page.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(page.path("credentials")).hasSize(2);
        JsonNode micro = page.path("credentials").get(0);
        assertThat(micro.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(micro.path("card").path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(micro.path("card").path("level").path("eqf").asInt()).isEqualTo(6);
        assertThat(micro.path("issuerTrusted").asBoolean()).isTrue();

        HttpResponse<byte[]> html = page(share.token(), "text/html", null);
        String body = new String(html.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("kind-microcredential").contains("kind-regular-badge").contains("Data-analyse met Python")
                .doesNotContain("<script");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(html.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(html.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aSelfDeclaredEntryShowsWhatTheLearnerStatedAndThatNoIssuerSignedIt() throws IOException {
        Instant declared = Instant.now().minus(Duration.ofDays(1));
        byte[] work = SelfDeclaredEntry.ofWork("k3v9w2m8qa", declared, SelfDeclaredEntry.workExperience("Gemeente Utrecht",
                "Data-analist", YearMonth.of(2021, 9), YearMonth.of(2024, 6), "Dashboards voor de afdeling Wonen.",
                List.of("Python", "SQL"))).toJson();
        byte[] diploma = SelfDeclaredEntry.ofDiploma("p4x8c1n6tz", declared, SelfDeclaredEntry.Diploma.of("Hogeschool Utrecht",
                "HBO-ICT", "CROHO 34479", 6, "6", LocalDate.of(2021, 7, 2), null)).toJson();
        Created share = create(null);
        assertThat(upload(share, envelope(holder, share.audience(), share.nonce(), List.of(
                EnvelopedCredential.dataUrl(CredentialFormat.SELF_DECLARED, work),
                EnvelopedCredential.dataUrl(CredentialFormat.SELF_DECLARED, diploma),
                "data:application/vc+jwt," + credential(Shape.REGULAR_BADGE)))).statusCode()).isEqualTo(200);

        JsonNode page = pageJson(share.token());
        JsonNode declaredWork = page.path("credentials").get(0);
        assertThat(declaredWork.path("status").asText()).isEqualTo("SELF_DECLARED");
        assertThat(declaredWork.path("format").asText()).isEqualTo("self-declared");
        assertThat(declaredWork.path("card").path("selfDeclared").asBoolean()).isTrue();
        assertThat(declaredWork.path("card").path("kind").asText()).isEqualTo("WORK_EXPERIENCE");
        assertThat(declaredWork.path("card").path("workPeriod").path("to").asText()).isEqualTo("2024-06");
        assertThat(declaredWork.path("issuerTrusted").asBoolean()).isFalse();
        assertThat(page.path("credentials").get(1).path("status").asText()).isEqualTo("SELF_DECLARED");
        assertThat(page.path("credentials").get(2).path("status").asText()).isEqualTo("VERIFIED");

        String english = new String(page(share.token() + "?lang=en", null, null).body(), StandardCharsets.UTF_8);
        assertThat(english).contains("kind-self-declared").contains("Work experience · self-declared")
                .contains("Self-declared: no issuer signed it").contains("No employer, school or other issuer has signed it")
                .contains("Employer, as stated by the learner</dt><dd>Gemeente Utrecht").contains("Data-analist")
                .contains("September 2021 – June 2024").contains("<h3>Skills</h3>").contains("Python")
                .contains("Institution, as stated by the learner</dt><dd>Hogeschool Utrecht").contains("HBO-ICT")
                .contains("CROHO 34479").contains("July 2, 2021").contains("3 credential(s), 1 of them genuine")
                .doesNotContain("not on this server&#39;s list").doesNotContain("not on this server's list");
        String dutch = new String(page(share.token() + "?lang=nl", null, null).body(), StandardCharsets.UTF_8);
        assertThat(dutch).contains("Zelf opgegeven: geen uitgever heeft het ondertekend")
                .contains("Geen werkgever, school of andere uitgever heeft het ondertekend")
                .contains("Werkgever, volgens de lerende").contains("september 2021 – juni 2024")
                .contains("Instelling, volgens de lerende").contains("2 juli 2021");
    }

    @Test
    void aSelectiveSdJwtShowsOnlyWhatWasDisclosedAndSaysWhatWasWithheld() throws IOException {
        Created share = create(null);
        String sdJwt = selectiveSdJwt(share.audience(), share.nonce(), Instant.now(), "achievement_title", "issuing_authority");
        assertThat(upload(share, envelope(holder, share.audience(), share.nonce(), List.of(sdJwt))).statusCode()).isEqualTo(200);

        JsonNode credential = pageJson(share.token()).path("credentials").get(0);
        assertThat(credential.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(credential.path("format").asText()).isEqualTo("sd-jwt-vc");
        assertThat(credential.path("card").path("title").asText()).isEqualTo("Data Science Basics");
        assertThat(credential.path("card").has("grade")).isFalse();
        assertThat(credential.path("withheldClaims").toString()).contains("assessment_grade").contains("family_name");

        clock.advance(Duration.ofDays(3));
        String body = new String(page(share.token(), "text/html", null).body(), StandardCharsets.UTF_8);
        assertThat(body).contains("Data Science Basics").contains("Not shown by the learner").contains("grade")
                .contains("family name").doesNotContain("Jansen").doesNotContain("8.1");
        assertThat(body).contains("✓");
    }

    @Test
    void refusesAnSdJwtWhoseKeyBindingIsStaleOrForAnotherShare() throws IOException {
        Created share = create(null);
        String stale = selectiveSdJwt(share.audience(), share.nonce(), Instant.now().minus(Duration.ofHours(1)),
                "achievement_title");
        String otherNonce = selectiveSdJwt(share.audience(), "someone-elses-nonce", Instant.now(), "achievement_title");
        String otherShare = selectiveSdJwt("https://elsewhere.example/s/x", share.nonce(), Instant.now(), "achievement_title");

        for (String sdJwt : List.of(stale, otherNonce, otherShare)) {
            HttpResponse<byte[]> answer = upload(share, envelope(holder, share.audience(), share.nonce(), List.of(sdJwt)));
            assertThat(answer.statusCode()).isEqualTo(422);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("BAD_PRESENTATION");
        }
    }

    @Test
    void speaksDutchWhenAskedAndEnglishOtherwise() throws IOException {
        Created share = activeShare(null, credential(Shape.MBO_MICROCREDENTIAL));
        HttpRequest.Builder dutch = HttpRequest.newBuilder(server.getURI().resolve("/s/" + share.token()))
                .header("Accept-Language", "nl-NL,nl;q=0.9,en;q=0.5").GET();
        assertThat(new String(TestAccount.send(dutch).body(), StandardCharsets.UTF_8)).contains("lang=\"nl\"").contains("Echt");
        assertThat(new String(page(share.token() + "?lang=en", null, null).body(), StandardCharsets.UTF_8))
                .contains("lang=\"en\"").contains("Genuine");
    }

    @Test
    void oneTamperedCredentialIsNamedAndTheOthersStillShow() throws IOException {
        String good = credential(Shape.WO_MICROCREDENTIAL);
        String[] parts = credential(Shape.DIPLOMA).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Bachelor HBO-ICT", "Master HBO-ICT");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Created share = activeShare(null, good, tampered);
        JsonNode page = pageJson(share.token());
        assertThat(page.path("credentials").get(0).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(page.path("credentials").get(1).path("status").asText()).isEqualTo("TAMPERED");
    }

    @Test
    void refusesAPresentationSignedByAnotherKey() throws IOException {
        Created share = create(null);
        TestIssuer stranger = TestIssuer.es256();
        String forged = presentation(stranger, share.audience(), share.nonce(), List.of(credential(Shape.REGULAR_BADGE)));
        // Signed by the stranger but naming the holder: the signature is not the holder's.
        String payload = new String(Base64.getUrlDecoder().decode(forged.split("\\.")[1]), StandardCharsets.UTF_8)
                .replace(stranger.did(), holder.did());
        String relabelled = forged.split("\\.")[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + forged.split("\\.")[2];
        HttpResponse<byte[]> answer = upload(share, relabelled);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("BAD_PRESENTATION");
    }

    @Test
    void refusesAPresentationMadeForAnotherShareOrNonce() throws IOException {
        Created share = create(null);
        Created other = create(null);
        assertThat(upload(share, presentation(holder, other.audience(), share.nonce(), List.of(credential(Shape.REGULAR_BADGE))))
                .statusCode()).isEqualTo(422);
        assertThat(upload(share, presentation(holder, share.audience(), other.nonce(), List.of(credential(Shape.REGULAR_BADGE))))
                .statusCode()).isEqualTo(422);
        Created wrongToken = new Created(other.token(), share.id(), share.nonce(), share.audience());
        assertThat(upload(wrongToken, presentation(holder, share.audience(), share.nonce(), List.of(credential(Shape.REGULAR_BADGE))))
                .statusCode()).isEqualTo(422);
    }

    @Test
    void expiredRevokedAndUsedUpLinksLookTheSameAsUnknownOnes() throws IOException {
        String unknown = new String(page(ShareToken.generate(RANDOM), null, null).body(), StandardCharsets.UTF_8);

        Created limited = activeShare(2, credential(Shape.REGULAR_BADGE));
        assertThat(page(limited.token(), null, null).statusCode()).isEqualTo(200);
        assertThat(page(limited.token(), null, null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> usedUp = page(limited.token(), null, null);
        assertThat(usedUp.statusCode()).isEqualTo(404);
        assertThat(new String(usedUp.body(), StandardCharsets.UTF_8)).isEqualTo(unknown);

        Created revoked = activeShare(null, credential(Shape.REGULAR_BADGE));
        assertThat(TestAccount.send(account.signed("DELETE", "/api/v1/shares/" + revoked.id(), null)).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> afterRevoke = page(revoked.token(), null, null);
        assertThat(afterRevoke.statusCode()).isEqualTo(404);
        assertThat(new String(afterRevoke.body(), StandardCharsets.UTF_8)).isEqualTo(unknown);

        Created expiring = activeShare(null, credential(Shape.REGULAR_BADGE));
        clock.advance(Duration.ofDays(8));
        HttpResponse<byte[]> expired = page(expiring.token(), null, null);
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).isEqualTo(unknown);
        clock.reset();

        JsonNode states = JSON.readTree(TestAccount.send(account.signed("GET", "/api/v1/shares", null)).body());
        assertThat(states.toString()).contains("USED_UP").contains("REVOKED");
    }

    @Test
    void previewsAndHeadRequestsAreLoggedButUseNoViews() throws IOException {
        Created share = activeShare(1, credential(Shape.EXTRACURRICULAR_BADGE));
        HttpResponse<byte[]> preview = page(share.token(), null, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(new String(preview.body(), StandardCharsets.UTF_8)).doesNotContain("Studentassessor");
        HttpResponse<byte[]> head = TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + share.token()))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(page(share.token(), null, null).statusCode()).isEqualTo(200);
        JsonNode log = JSON.readTree(TestAccount.send(account.signed("GET", "/api/v1/shares/" + share.id() + "/log", null)).body());
        assertThat(log.toString()).contains("PREVIEW").contains("HEAD").contains("VIEW").contains("Chrome")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void aThousandRandomTokensFindNothingAndTheClientIsSlowedDown() {
        int notFound = 0;
        int tooMany = 0;
        for (int i = 0; i < 1000; i++) {
            int status = page(ShareToken.generate(RANDOM), null, null, "198.51.100.7").statusCode();
            if (status == 404) {
                notFound++;
            } else if (status == 429) {
                tooMany++;
            } else {
                throw new AssertionError("a random token found something: " + status);
            }
        }
        assertThat(notFound).isEqualTo(40);
        assertThat(tooMany).isEqualTo(960);
        // Another client is not slowed down by this one.
        assertThat(page(ShareToken.generate(RANDOM), null, null, "198.51.100.8").statusCode()).isEqualTo(404);
    }

    @Test
    void theRawPresentationIsServedAsIs() throws IOException {
        Created share = create(null);
        String presentation = presentation(holder, share.audience(), share.nonce(), List.of(credential(Shape.REGULAR_BADGE)));
        upload(share, presentation);
        HttpResponse<byte[]> raw = TestAccount.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + share.token()
                + "/presentation")).GET());
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).isEqualTo(presentation);
    }
}
