package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.learnerwallet.model.exemption.Dossiers;
import nl.learnerwallet.model.exemption.ExemptionDecision;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exemption request from both sides, in-process: the learner's `share create --purpose exemption`
 * signs the request into the presentation, the committee's `issuer decide` reads the dossier and
 * posts its decision, and `share show` verifies and imports the decisions. The wallet server is a
 * loopback stub that speaks the share and dossier endpoints and keeps what it was sent (the real
 * server's dossier endpoints are being built beside this).
 */
class ExemptionCommandTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static final String SHARE = "sh-0001";

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final LoopbackIssuer server = LoopbackIssuer.http();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final ArrayNode decisions = StrictJson.mapper().createArrayNode();
    private CliRun cli;
    private String holder;
    private String credentialId;

    @BeforeEach
    void walletWithOneCredentialAndAStubServer() {
        stubWalletServer();
        cli = new CliRun(home).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        holder = json(ok("--json", "init")).path("holder").asText();
        Path issuer = files.resolve("roc");
        String issuerId = json(ok("--json", "issuer", "init", issuer.toString(), "--name", "ROC Midden Nederland"))
                .path("issuer").asText();
        ok("trust", "add", issuerId, "--name", "ROC Midden Nederland");
        Path badge = files.resolve("sql.jwt");
        ok("issuer", "issue", issuer.toString(), "--kind", "badge", "--to", holder, "--title", "SQL", "--out", badge.toString());
        credentialId = json(ok("--json", "import", badge.toString())).path("id").asText();
        ok("account", "register", "--server", server.base());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theRequestIsSignedIntoTheSharedPresentation() throws Exception {
        Path outcomes = files.resolve("outcomes.txt");
        Files.write(outcomes, "- Ontwerpt een genormaliseerd datamodel.\n- Schrijft SQL-queries met joins.\n"
                .getBytes(StandardCharsets.UTF_8));

        ok("share", "create", credentialId, "--purpose", "exemption", "--institution", "Hogeschool Utrecht",
                "--course", "INF-DB2 Databases 2", "--course-outcomes", outcomes.toString(), "--course-level", "6",
                "--course-ects", "5", "--motivation", "Gedaan bij ROC Midden Nederland.");

        HolderJwt.Checked checked = HolderJwt.verify(uploadedPresentation(), "vp+jwt", IssuerKeys.offline());
        assertThat(checked.valid()).as(String.valueOf(checked.failure())).isTrue();
        assertThat(checked.jwt().signer()).isEqualTo(holder);
        ExemptionRequest request = ExemptionRequest.fromJson(checked.jwt().payload().path("exemptionRequest"));
        assertThat(request.institution()).isEqualTo("Hogeschool Utrecht");
        assertThat(request.courseCode()).isEqualTo("INF-DB2");
        assertThat(request.courseName()).isEqualTo("Databases 2");
        assertThat(request.courseOutcomes()).containsExactly("Ontwerpt een genormaliseerd datamodel.",
                "Schrijft SQL-queries met joins.");
        assertThat(request.courseEqf()).isEqualTo(6);
        assertThat(request.courseStudyLoad().amount()).isEqualByComparingTo("5");
        assertThat(request.courseStudyLoad().unit().name()).isEqualTo("ECTS");
        assertThat(request.motivation()).isEqualTo("Gedaan bij ROC Midden Nederland.");
        assertThat(server.received()).anySatisfy(each -> {
            assertThat(each.path()).isEqualTo("/api/v1/shares");
            assertThat(StrictJson.parse(each.body()).path("purpose").asText()).isEqualTo("exemption");
        });
    }

    @Test
    void aHugeOrNonTextOutcomesFileIsRefusedAndNothingIsShared() throws Exception {
        Path huge = files.resolve("huge.txt");
        byte[] big = new byte[ExemptionRequest.MAX_OUTCOMES_FILE_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        Files.write(huge, big);
        Path binary = files.resolve("photo.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe});

        for (Path file : new Path[] {huge, binary}) {
            CliRun.Result refused = cli.run("share", "create", credentialId, "--purpose", "exemption", "--institution",
                    "Hogeschool Utrecht", "--course", "INF-DB2 Databases 2", "--course-outcomes", file.toString());
            assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(refused.err().trim()).contains(file.toString()).doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(server.received()).noneMatch(each -> each.path().startsWith("/api/v1/shares"));
        assertThat(json(ok("--json", "share", "list"))).isEmpty();
    }

    @Test
    void exemptionOptionsWithoutThatPurposeOrWithoutACourseAreRefused() {
        CliRun.Result withoutPurpose = cli.run("share", "create", credentialId, "--institution", "Hogeschool Utrecht");
        CliRun.Result withoutCourse = cli.run("share", "create", credentialId, "--purpose", "exemption", "--institution",
                "Hogeschool Utrecht");
        CliRun.Result codeOnly = cli.run("share", "create", credentialId, "--purpose", "exemption", "--institution",
                "Hogeschool Utrecht", "--course", "INF-DB2");

        assertThat(withoutPurpose.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(withoutPurpose.err()).contains("--purpose exemption");
        assertThat(withoutCourse.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(codeOnly.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(server.received()).noneMatch(each -> each.path().startsWith("/api/v1/shares"));
    }

    @Test
    void theCommitteeDecidesAndTheLearnerSeesAndImportsTheDecisions() throws Exception {
        ok("share", "create", credentialId, "--purpose", "exemption", "--institution", "Hogeschool Utrecht",
                "--course", "INF-DB2 Databases 2");
        String presentation = uploadedPresentation();
        serveDossier(presentation);
        Path committee = files.resolve("hu");
        String committeeId = json(ok("--json", "issuer", "init", committee.toString(), "--name", "Hogeschool Utrecht"))
                .path("issuer").asText();
        String dossier = server.url("/s/" + token.get());

        JsonNode first = json(ok("--json", "issuer", "decide", committee.toString(), dossier, "--decision", "more-information",
                "--grounds", "Het beoordelingsformulier ontbreekt.", "--deciding-body", "Examencommissie HBO-ICT",
                "--appeal", "Beroep binnen zes weken bij het CBE."));
        JsonNode second = json(ok("--json", "issuer", "decide", committee.toString(), dossier + "/", "--decision",
                "partly-granted", "--granted-outcome", "Ontwerpt een genormaliseerd datamodel.", "--grounds",
                "SQL is niet aangetoond.", "--deciding-body", "Examencommissie HBO-ICT", "--appeal",
                "Beroep binnen zes weken bij het CBE.", "--date", "2027-02-28"));

        List<LoopbackIssuer.Received> posted = posted();
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).contentType()).isEqualTo("application/jwt");
        ExemptionDecision sent = decisionIn(posted.get(1).text());
        assertThat(sent.dossier()).isEqualTo(Dossiers.hash(presentation));
        assertThat(sent.follows()).isEqualTo(first.path("id").asText());
        assertThat(decisionIn(posted.get(0).text()).follows()).isNull();
        assertThat(sent.courseCode()).isEqualTo("INF-DB2");
        assertThat(sent.date()).hasToString("2027-02-28");
        assertThat(CompactJws.parse(posted.get(1).text(), 100_000).payload().path("credentialSubject").path("id").asText())
                .isEqualTo(holder);
        assertThat(second.path("number").asInt()).isEqualTo(2);
        assertThat(Files.readString(Path.of(second.path("file").asText()))).isEqualTo(posted.get(1).text());

        ok("trust", "add", committeeId, "--name", "Hogeschool Utrecht");
        JsonNode shown = json(ok("--json", "share", "show", SHARE));
        assertThat(shown.path("decisions")).hasSize(2);
        JsonNode latest = shown.path("decisions").path(1);
        assertThat(latest.path("number").asInt()).isEqualTo(2);
        assertThat(latest.path("id").asText()).isEqualTo(second.path("id").asText());
        assertThat(latest.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(latest.path("issuer").asText()).isEqualTo(committeeId);
        assertThat(latest.path("decision").path("decision").asText()).isEqualTo("partly-granted");
        assertThat(latest.path("decision").path("follows").asText()).isEqualTo(first.path("id").asText());

        String text = ok("share", "show", SHARE).out();
        assertThat(text).contains("Decision 2: exemption partly granted, 2027-02-28 (VERIFIED)")
                .contains("Ontwerpt een genormaliseerd datamodel.").contains("Examencommissie HBO-ICT")
                .contains("Follows decision 1");

        ok("share", "show", SHARE, "--import-decisions");
        JsonNode listed = json(ok("--json", "list"));
        assertThat(listed).hasSize(3);
        assertThat(listed.findValuesAsText("title")).contains("Vrijstelling INF-DB2 Databases 2");
    }

    @Test
    void theCommitteeIsToldWhenItsDecisionDoesNotFollowTheLatestOrIsIncomplete() throws Exception {
        ok("share", "create", credentialId, "--purpose", "exemption", "--institution", "Hogeschool Utrecht",
                "--course", "INF-DB2 Databases 2");
        serveDossier(uploadedPresentation());
        server.handler("/s/" + token.get() + "/decisions", exchange -> answer(exchange, 409, "{\"error\": \"NOT_LATEST\"}"));
        Path committee = files.resolve("hu");
        ok("issuer", "init", committee.toString(), "--name", "Hogeschool Utrecht");
        String dossier = server.url("/s/" + token.get());

        CliRun.Result conflict = cli.run("issuer", "decide", committee.toString(), dossier, "--decision", "refused",
                "--grounds", "Niet aangetoond.", "--deciding-body", "Examencommissie", "--appeal", "CBE",
                "--follows", "urn:uuid:old");
        CliRun.Result partly = cli.run("issuer", "decide", committee.toString(), dossier, "--decision", "partly-granted",
                "--grounds", "Deels.", "--deciding-body", "Examencommissie", "--appeal", "CBE");
        CliRun.Result future = cli.run("issuer", "decide", committee.toString(), dossier, "--decision", "granted",
                "--grounds", "Aangetoond.", "--deciding-body", "Examencommissie", "--appeal", "CBE", "--date", "2027-03-02");

        assertThat(conflict.exit()).as(conflict.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(conflict.err()).contains("later decision");
        assertThat(partly.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(partly.err()).contains("--granted-outcome");
        assertThat(future.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(future.err()).contains("2027-03-02");
        assertThat(posted()).hasSize(1);
    }

    // ---- the stub wallet server

    private void stubWalletServer() {
        server.handler("/api/v1/account", exchange -> answer(exchange, 201, "{}"));
        server.handler("/api/v1/shares", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 201, StrictJson.mapper().createObjectNode().put("id", SHARE).put("nonce", "n-123")
                        .put("audience", server.base()).put("linkBase", server.url("/s/"))
                        .put("expiresAt", NOW.plusSeconds(7 * 86400).getEpochSecond()).toString());
            } else {
                answer(exchange, 200, "[" + shareState() + "]");
            }
        });
        server.handler("/api/v1/shares/" + SHARE, exchange -> {
            if (exchange.getRequestMethod().equals("PUT")) {
                token.set(created().path("token").asText());
                server.handler("/s/" + token.get() + "/decisions", this::decisionsEndpoint);
            }
            answer(exchange, 200, shareState());
        });
    }

    private static String shareState() {
        return StrictJson.mapper().createObjectNode().put("id", SHARE).put("state", "ACTIVE").put("purpose", "exemption")
                .put("createdAt", NOW.getEpochSecond()).put("expiresAt", NOW.plusSeconds(7 * 86400).getEpochSecond())
                .put("views", 1).toString();
    }

    /** The dossier page as JSON (the latest decisions included) and the raw presentation. */
    private void serveDossier(String presentation) {
        server.handler("/s/" + token.get(), exchange -> {
            ObjectNode page = StrictJson.mapper().createObjectNode();
            page.put("dossierHash", Dossiers.hash(presentation));
            synchronized (decisions) {
                page.set("decisions", decisions.deepCopy());
            }
            answer(exchange, 200, page.toString());
        });
        server.text("/s/" + token.get() + "/presentation", "application/jwt", presentation);
    }

    /** GET lists the decisions; POST takes one, numbering it. */
    private void decisionsEndpoint(HttpExchange exchange) throws IOException {
        synchronized (decisions) {
            if (exchange.getRequestMethod().equals("POST")) {
                List<LoopbackIssuer.Received> all = posted();
                String credential = all.get(all.size() - 1).text();
                String id = CompactJws.parse(credential, 100_000).payload().path("id").asText();
                int number = decisions.size() + 1;
                decisions.addObject().put("number", number).put("credential", credential)
                        .put("receivedAt", NOW.toString());
                answer(exchange, 201, StrictJson.mapper().createObjectNode().put("id", id).put("number", decisions.size())
                        .toString());
            } else {
                ObjectNode list = StrictJson.mapper().createObjectNode();
                list.set("decisions", decisions.deepCopy());
                answer(exchange, 200, list.toString());
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JsonNode created() {
        for (LoopbackIssuer.Received each : server.received()) {
            if (each.method().equals("PUT") && each.path().equals("/api/v1/shares/" + SHARE)) {
                return StrictJson.parse(each.body());
            }
        }
        throw new AssertionError("no share was uploaded");
    }

    private String uploadedPresentation() {
        return created().path("presentation").asText();
    }

    private List<LoopbackIssuer.Received> posted() {
        List<LoopbackIssuer.Received> out = new ArrayList<>();
        for (LoopbackIssuer.Received each : server.received()) {
            if (each.path().endsWith("/decisions")) {
                out.add(each);
            }
        }
        return out;
    }

    private static ExemptionDecision decisionIn(String credential) {
        return ExemptionDecision.inCredential(CompactJws.parse(credential, 100_000).payload());
    }

    private static JsonNode json(CliRun.Result result) {
        return StrictJson.parse(result.out().getBytes(StandardCharsets.UTF_8));
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = cli.run(args);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }
}
