package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.testsupport.Oid4vcPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wallet receives by OpenID4VCI and presents by OpenID4VP against an issuer and verifier it
 * did not write: the OpenWallet Foundation's oid4vc-ts and sd-jwt-js, run by Node on loopback
 * ({@code interop/oid4vc}). The verifier's own verdict is what counts as accepted.
 */
class Oid4vcIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OB3 = "OpenBadgeCredential_jwt";
    private static final String EU_LC = "EuLearningCredential_sdjwt";
    private static final String EU_LC_VCT = "urn:eu.europa.ec.eudi:learning:credential:1";

    private static Oid4vcPeer peer;

    @TempDir
    Path home;

    @TempDir
    Path files;

    private CliRun learner;

    @BeforeAll
    static void startPeer() {
        peer = Oid4vcPeer.start();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    @BeforeEach
    void setUp() {
        learner = new CliRun(home).withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        assertThat(learner.run("init").exit()).isZero();
        learner.run("trust", "add", peer.keys().path("issuerDid").asText(), "--name", "Hogeschool Utrecht (OID4VCI test issuer)");
    }

    private ObjectNode offer(String grant, String txCode, boolean byReference, boolean deferred, String... configurations) {
        ObjectNode request = JSON.createObjectNode();
        request.put("grant", grant);
        configurations(request, configurations);
        if (txCode != null) {
            request.put("txCode", txCode);
        }
        request.put("byReference", byReference);
        request.put("deferred", deferred);
        return peer.createOffer(request);
    }

    private static void configurations(ObjectNode request, String... ids) {
        com.fasterxml.jackson.databind.node.ArrayNode array = request.putArray("configurationIds");
        for (String id : ids) {
            array.add(id);
        }
    }

    private JsonNode json(CliRun.Result result) throws Exception {
        return JSON.readTree(result.out());
    }

    private void receiveBoth() throws Exception {
        String offer = offer("pre-authorized_code", "493536", false, false, OB3, EU_LC).path("offerUri").asText();
        CliRun.Result received = learner.run("receive", offer, "--tx-code", "493536", "--json");
        assertThat(received.exit()).as(received.err()).isZero();
    }

    private ObjectNode learningCredentialQuery(String... claims) {
        ObjectNode dcql = JSON.createObjectNode();
        ObjectNode credential = dcql.putArray("credentials").addObject();
        credential.put("id", "learning").put("format", "dc+sd-jwt").putObject("meta").putArray("vct_values").add(EU_LC_VCT);
        com.fasterxml.jackson.databind.node.ArrayNode paths = credential.putArray("claims");
        for (String claim : claims) {
            paths.addObject().putArray("path").add(claim);
        }
        return dcql;
    }

    /** A verifier's signed request for this DCQL query. */
    private ObjectNode askFor(ObjectNode dcql) {
        ObjectNode ask = JSON.createObjectNode();
        ask.set("dcql", dcql);
        return peer.createRequest(ask);
    }

    @Test
    void anOb3MicrocredentialAndAnEuLearningCredentialAreReceivedWithATransactionCodeAndStoredVerified() throws Exception {
        String offer = offer("pre-authorized_code", "493536", false, false, OB3, EU_LC).path("offerUri").asText();

        CliRun.Result received = learner.run("receive", offer, "--tx-code", "493536", "--json");

        assertThat(received.exit()).as(received.err()).isZero();
        JsonNode credentials = json(received).path("credentials");
        assertThat(credentials).hasSize(2);
        assertThat(credentials.get(0).path("format").asText()).isEqualTo("ob3-jwt");
        assertThat(credentials.get(0).path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(credentials.get(1).path("format").asText()).isEqualTo("sd-jwt-vc");
        for (JsonNode credential : credentials) {
            assertThat(credential.path("status").asText()).as(credential.toString()).isEqualTo("VERIFIED");
        }
        assertThat(JSON.readTree(learner.run("list", "--json").out())).hasSize(2);
    }

    /**
     * The packaged command at a pseudo-terminal ({@code script}), as a learner runs it: what it
     * asks is answered with {@code typed}, which waits in the terminal until the question comes.
     */
    private CliRun.Result atTerminal(String typed, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.Arrays.asList(
                java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-jar", System.getProperty("wallet.jar")));
        command.addAll(java.util.Arrays.asList(args));
        StringBuilder quoted = new StringBuilder();
        for (String part : command) {
            quoted.append(quoted.length() == 0 ? "" : " ").append("'").append(part.replace("'", "'\\''")).append("'");
        }
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", quoted.toString(), "/dev/null");
        builder.environment().put("WALLET_HOME", home.toString());
        builder.environment().put("WALLET_PASSPHRASE", CliRun.PASSPHRASE);
        builder.environment().put("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        Path transcript = java.nio.file.Files.createTempFile(files, "terminal", ".txt");
        builder.redirectOutput(transcript.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().write(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        boolean finished = process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
        process.getOutputStream().close();
        if (!finished) {
            process.destroyForcibly();
        }
        String text = java.nio.file.Files.readString(transcript, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(finished).as(text).isTrue();
        return new CliRun.Result(process.exitValue(), text, text);
    }

    @Test
    void atATerminalTheLearnerTypesTheTransactionCodeAndDecidesWhetherToSend() throws Exception {
        String offer = offer("pre-authorized_code", "493536", false, false, EU_LC).path("offerUri").asText();
        CliRun.Result received = atTerminal("493536\n", "receive", offer);
        assertThat(received.exit()).as(received.out()).isZero();
        // (The typed-ahead code shows once in the transcript: the terminal echoes it before the prompt turns echo off.)
        assertThat(received.out()).contains("Transaction code (6 characters):").contains("VERIFIED");

        ObjectNode declined = askFor(learningCredentialQuery("given_name"));
        CliRun.Result no = atTerminal("n\n", "present", "--request", declined.path("requestUri").asText());
        assertThat(no.exit()).as(no.out()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(no.out()).contains("shows: given_name").contains("[y/N]").contains("nothing was sent");
        assertThat(peer.result(declined.path("id").asText()).path("received").asBoolean()).isFalse();

        ObjectNode accepted = askFor(learningCredentialQuery("given_name"));
        CliRun.Result yes = atTerminal("y\n", "present", "--request", accepted.path("requestUri").asText());
        assertThat(yes.exit()).as(yes.out()).isZero();
        assertThat(peer.result(accepted.path("id").asText()).path("verified").asBoolean()).isTrue();
    }

    @Test
    void aWrongTransactionCodeIsRefusedAndNothingIsStored() throws Exception {
        String offer = offer("pre-authorized_code", "493536", false, false, OB3).path("offerUri").asText();

        CliRun.Result refused = learner.run("receive", offer, "--tx-code", "111111", "--json");

        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("GRANT_REFUSED");
        assertThat(JSON.readTree(learner.run("list", "--json").out())).isEmpty();
    }

    @Test
    void anOfferWithoutItsTransactionCodeAsksForIt() throws Exception {
        String offer = offer("pre-authorized_code", "493536", false, false, OB3).path("offerUri").asText();
        CliRun.Result refused = learner.run("receive", offer);
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("--tx-code");
    }

    @Test
    void anOfferByReferenceFromAQrImageIsReceivedAndADeferredCredentialIsWaitedFor() throws Exception {
        String offer = offer("pre-authorized_code", null, true, true, EU_LC).path("offerUri").asText();
        Path image = files.resolve("offer.png");
        QrImages.writePng(QrCodes.encode(offer), image);

        CliRun.Result received = learner.run("receive", image.toString());

        assertThat(received.exit()).as(received.err()).isZero();
        assertThat(received.err()).contains("has not issued the credential yet");
        assertThat(JSON.readTree(learner.run("list", "--json").out())).hasSize(1);
    }

    @Test
    void theAuthorizationCodeFlowSignsInThroughARealBrowser() throws Exception {
        String offer = offer("authorization_code", null, false, false, OB3).path("offerUri").asText();
        // Outside @TempDir: Chromium may still be writing its profile when the wallet has its redirect.
        Path profile = java.nio.file.Files.createTempDirectory("oid4vc-chromium");
        // The learner's browser: Debian's Chromium, headless, following the issuer's redirect to the wallet's loopback listener.
        String browser = "/usr/bin/chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
                + " --disable-background-networking --disable-component-update --disable-sync --no-first-run"
                + " --user-data-dir=" + profile + " --dump-dom %s";

        CliRun.Result received;
        try {
            received = learner.withEnvironment("BROWSER", browser).run("receive", offer, "--json");
        } finally {
            removeWhenChromiumIsDone(profile);
        }

        assertThat(received.exit()).as(received.err()).isZero();
        assertThat(received.err()).contains("/authorize?");
        assertThat(json(received).path("kind").asText()).isEqualTo("MICROCREDENTIAL");
    }

    private static void removeWhenChromiumIsDone(Path profile) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException stillWriting) {
                // Chromium is still writing; try again shortly.
            }
            if (!java.nio.file.Files.exists(profile)) {
                return;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anOfferForAConfigurationTheIssuerDoesNotHaveIsRefused() throws Exception {
        String offer = offer("pre-authorized_code", null, false, false, "Unknown_configuration").path("offerUri").asText();
        CliRun.Result refused = learner.run("receive", offer, "--json");
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("UNKNOWN_CONFIGURATION");
    }

    @Test
    void theLearnerPresentsOnlyTheClaimsAskedForAndTheVerifierAcceptsThem() throws Exception {
        receiveBoth();
        ObjectNode request = askFor(learningCredentialQuery("given_name", "achievement_title"));

        CliRun.Result answered = learner.run("present", "--request", request.path("requestUri").asText(), "--yes", "--json");

        assertThat(answered.exit()).as(answered.err()).isZero();
        assertThat(answered.err()).contains("shows: given_name, achievement_title");
        JsonNode result = peer.result(request.path("id").asText());
        assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
        JsonNode claims = result.path("presented").path("learning").get(0).path("claims");
        assertThat(claims.path("given_name").asText()).isNotEmpty();
        assertThat(claims.path("achievement_title").asText()).isNotEmpty();
        assertThat(claims.has("family_name")).isFalse();
        assertThat(claims.has("assessment_grade")).isFalse();
    }

    @Test
    void anOpenBadgeIsPresentedWholeInAVpJwtAndTheVerifierAcceptsIt() throws Exception {
        receiveBoth();
        ObjectNode dcql = JSON.createObjectNode();
        ObjectNode credential = dcql.putArray("credentials").addObject();
        credential.put("id", "badge").put("format", "jwt_vc_json").putObject("meta").putArray("type_values").addArray()
                .add("VerifiableCredential").add("OpenBadgeCredential");
        ObjectNode request = askFor(dcql);
        Path image = files.resolve("request.png");
        QrImages.writePng(QrCodes.encode(request.path("requestUri").asText()), image);

        CliRun.Result answered = learner.run("present", "--request", image.toString(), "--yes");

        assertThat(answered.exit()).as(answered.err()).isZero();
        assertThat(answered.out()).contains("the whole credential");
        JsonNode result = peer.result(request.path("id").asText());
        assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
    }

    @Test
    void theLearnerMayKeepBackAClaimTheVerifierAskedForAndTheVerifierThenRefuses() throws Exception {
        receiveBoth();
        ObjectNode request = askFor(learningCredentialQuery("given_name", "achievement_title"));

        CliRun.Result answered = learner.run("present", "--request", request.path("requestUri").asText(),
                "--withhold", "given_name", "--yes");

        assertThat(answered.out()).contains("You keep back given_name").contains("shows: achievement_title");
        assertThat(answered.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(answered.err()).contains("did not accept");
        JsonNode result = peer.result(request.path("id").asText());
        assertThat(result.path("received").asBoolean()).isTrue();
        assertThat(result.path("verified").asBoolean()).isFalse();
    }

    @Test
    void withoutTheLearnersConsentNothingIsSent() throws Exception {
        receiveBoth();
        ObjectNode request = askFor(learningCredentialQuery("given_name"));

        CliRun.Result asked = learner.run("present", "--request", request.path("requestUri").asText());

        assertThat(asked.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(asked.out()).contains("Would be sent").contains("given_name");
        assertThat(asked.err()).contains("--yes");
        assertThat(peer.result(request.path("id").asText()).path("received").asBoolean()).isFalse();
    }

    @Test
    void aQueryForSomethingTheWalletDoesNotHoldSendsNothing() throws Exception {
        receiveBoth();
        ObjectNode dcql = JSON.createObjectNode();
        dcql.putArray("credentials").addObject().put("id", "pid").put("format", "dc+sd-jwt")
                .putObject("meta").putArray("vct_values").add("urn:eudi:pid:1");
        ObjectNode request = askFor(dcql);

        CliRun.Result refused = learner.run("present", "--request", request.path("requestUri").asText(), "--yes", "--json");

        assertThat(refused.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(json(refused).path("error").asText()).isEqualTo("NOTHING_MATCHES");
        assertThat(refused.err()).contains("urn:eudi:pid:1");
        assertThat(peer.result(request.path("id").asText()).path("received").asBoolean()).isFalse();
    }

    @Test
    void aRequestWithABadSignatureOrAnotherClientIdIsRefusedAndNothingIsSent() throws Exception {
        receiveBoth();
        for (String flaw : new String[] {"badSignature", "clientIdMismatch"}) {
            ObjectNode ask = JSON.createObjectNode();
            ask.set("dcql", learningCredentialQuery("given_name"));
            ask.put(flaw, true);
            ObjectNode request = peer.createRequest(ask);

            CliRun.Result refused = learner.run("present", "--request", request.path("requestUri").asText(), "--yes", "--json");

            assertThat(refused.exit()).as(flaw).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(json(refused).path("error").asText()).isEqualTo(
                    flaw.equals("badSignature") ? "BAD_REQUEST_SIGNATURE" : "CLIENT_ID_MISMATCH");
            assertThat(peer.result(request.path("id").asText()).path("received").asBoolean()).isFalse();
        }
    }

    @Test
    void aResponseUriOnAPrivateAddressIsRefusedWhenThatIsNotAllowed() throws Exception {
        receiveBoth();
        ObjectNode ask = JSON.createObjectNode();
        ask.set("dcql", learningCredentialQuery("given_name"));
        ask.put("responseUri", "https://10.11.12.13/responses/1");
        ObjectNode request = peer.createRequest(ask);
        // The verifier's signed request object, passed by value, so that the wallet needs no private
        // network to read it and can be run the way it runs for real: private addresses refused.
        String requestUri = java.net.URLDecoder.decode(request.path("requestUri").asText().replaceFirst(".*request_uri=", ""),
                java.nio.charset.StandardCharsets.UTF_8);
        String requestObject = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(requestUri)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String byValue = "openid4vp://?client_id=" + java.net.URLEncoder.encode(request.path("clientId").asText(),
                java.nio.charset.StandardCharsets.UTF_8) + "&request=" + requestObject;

        CliRun.Result refused = learner.withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "false")
                .run("present", "--request", byValue, "--yes", "--json");

        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("ADDRESS_REFUSED");
        assertThat(peer.result(request.path("id").asText()).path("received").asBoolean()).isFalse();
    }
}
