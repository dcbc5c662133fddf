package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.issuer.HostedFiles;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `wallet issuer ...` driven in-process: an institution creates an organisation and issues, bakes,
 * revokes and attests, and a learner's wallet (the same command) imports and verifies the results.
 */
class IssuerCommandTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CliRun cli;
    private String holder;

    @BeforeEach
    void initWallet() {
        cli = new CliRun(home).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withEnvironment("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        CliRun.Result created = cli.run("--json", "init");
        assertThat(created.exit()).as(created.err()).isZero();
        holder = json(created).path("holder").asText();
    }

    private static JsonNode json(CliRun.Result result) {
        return StrictJson.parse(result.out().getBytes(StandardCharsets.UTF_8));
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = cli.run(args);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }

    /** Creates an organisation and has the learner's wallet trust it; returns its issuer id. */
    private String organisation(Path directory, String... options) {
        List<String> args = new ArrayList<>(Arrays.asList("--json", "issuer", "init", directory.toString(), "--name",
                "Hogeschool Utrecht"));
        args.addAll(Arrays.asList(options));
        String issuer = json(ok(args.toArray(new String[0]))).path("issuer").asText();
        ok("trust", "add", issuer, "--name", "Hogeschool Utrecht");
        return issuer;
    }

    private static final String[] HBO_MICROCREDENTIAL = {"--kind", "microcredential", "--title", "Data-analyse met Python",
        "--description", "Microcredential uit de landelijke pilot.", "--outcome", "Je analyseert een dataset met pandas.",
        "--outcome", "Je beoordeelt de kwaliteit van data.", "--ects", "5", "--eqf", "6", "--nlqf", "6",
        "--assessment", "Praktijkopdracht", "--participation", "blended, deeltijd", "--quality-assurance", "NVAO-accreditatie"};

    /** {@code --json issuer issue DIR OPTIONS...} */
    private static String[] issue(Path organisation, String... options) {
        return concat(new String[] {"--json", "issuer", "issue", organisation.toString()}, options);
    }

    private JsonNode imported(String file) {
        return json(ok("--json", "import", file));
    }

    @Test
    void initCreatesAPrivateKeyItNeverPrintsAndSaysWhatToPublish() throws Exception {
        Path org = files.resolve("hu");

        CliRun.Result created = ok("issuer", "init", org.toString(), "--name", "Hogeschool Utrecht", "--did",
                "did:web:badges.hu.nl:edu:hbo");

        Path key = org.resolve("private/organisation-key.jwk");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String secret = StrictJson.parse(Files.readAllBytes(key)).path("d").asText();
        assertThat(created.out()).doesNotContain(secret).contains("did:web:badges.hu.nl:edu:hbo")
                .contains("https://badges.hu.nl/edu/hbo/did.json").contains(org.resolve("public/edu/hbo/did.json").toString());

        CliRun.Result again = cli.run("--json", "issuer", "init", org.toString(), "--name", "Ander");
        assertThat(again.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(again).path("error").asText()).isEqualTo("ORGANISATION_EXISTS");
        assertThat(again.err().trim()).contains(org.toString()).doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void initWithJsonGivesTheIssuerAndTheFilesToPublish() {
        CliRun.Result created = ok("--json", "issuer", "init", files.resolve("uu").toString(), "--name", "Universiteit Utrecht",
                "--url", "https://uu.nl/badges", "--alg", "EdDSA");

        JsonNode document = json(created);
        assertThat(document.path("issuer").asText()).isEqualTo("https://uu.nl/badges");
        assertThat(document.path("keyId").asText()).startsWith("https://uu.nl/badges#");
        assertThat(document.path("files").toString()).contains("https://uu.nl/.well-known/jwt-vc-issuer/badges")
                .contains("https://uu.nl/badges/jwks.json");
        CliRun.Result badCountry = cli.run("issuer", "init", files.resolve("x").toString(), "--name", "X", "--country", "NLD");
        assertThat(badCountry.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badCountry.err()).contains("--country");
    }

    @Test
    void issuesAMicrocredentialThatTheLearnersWalletImportsAsVerified() throws Exception {
        Path org = files.resolve("hu");
        organisation(org);

        JsonNode issued = json(ok(issue(org, concat(HBO_MICROCREDENTIAL, "--to", holder))));

        assertThat(issued.path("id").asText()).startsWith("urn:uuid:");
        assertThat(issued.path("kind").asText()).isEqualTo("microcredential");
        assertThat(issued.path("format").asText()).isEqualTo("vc-jwt");
        assertThat(Path.of(issued.path("file").asText())).exists().hasParent(org.resolve("issued"));
        JsonNode stored = imported(issued.path("file").asText());
        assertThat(stored.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(stored.path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        String shown = ok("show", stored.path("id").asText()).out();
        assertThat(shown).contains("EQF 6").contains("5 EC").contains("All mandatory EU standard elements are present");

        String[] withoutJson = issue(org, concat(HBO_MICROCREDENTIAL, "--to", holder));
        CliRun.Result plain = ok(Arrays.copyOfRange(withoutJson, 1, withoutJson.length));
        assertThat(plain.out().trim()).matches("urn:uuid:[0-9a-f-]{36}");
    }

    @Test
    void refusesAMicrocredentialLackingMandatoryEuElementsNamingThemUnlessAllowed() {
        Path org = files.resolve("hu");
        organisation(org);
        String[] incomplete = {"--kind", "microcredential", "--to", holder, "--title", "Circulaire bouwtechniek", "--ects", "3",
            "--eqf", "5", "--outcome", "Beoordeelt materialen", "--assessment", "Portfolio"};

        CliRun.Result refused = cli.run(issue(org, incomplete));

        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("INCOMPLETE_MICROCREDENTIAL");
        assertThat(refused.err()).contains("form of participation").contains("type of quality assurance")
                .contains("--allow-incomplete");
        assertThat(org.resolve("issued")).doesNotExist();

        CliRun.Result allowed = cli.run(issue(org, concat(incomplete, "--allow-incomplete")));
        assertThat(allowed.exit()).isZero();
        assertThat(allowed.err()).startsWith("Warning").contains("form of participation");
        assertThat(json(allowed).path("id").asText()).startsWith("urn:uuid:");
    }

    @Test
    void refusesBadDatesAndFieldsWithExitTwoAndOneSentence() {
        Path org = files.resolve("hu");
        organisation(org);
        String[] diploma = {"--kind", "diploma", "--to", holder, "--title", "Bachelor HBO-ICT", "--programme-code", "CROHO 34479"};
        Map<String, String[]> refusals = new HashMap<>();
        refusals.put("FUTURE_DATE", concat(diploma, "--date", "2027-03-02"));
        refusals.put("BAD_DATE", concat(diploma, "--date", "1-3-2027"));
        refusals.put("BAD_FIELD", concat(diploma, "--eqf", "9"));
        refusals.put("BAD_RECIPIENT", new String[] {"--kind", "badge", "--to", "jan", "--title", "T"});
        refusals.put("HOLDER_KEY_NEEDED", new String[] {"--kind", "badge", "--format", "sd-jwt", "--to", "a@b.nl", "--title", "T"});
        for (Map.Entry<String, String[]> each : refusals.entrySet()) {
            CliRun.Result refused = cli.run(issue(org, each.getValue()));
            assertThat(refused.exit()).as(each.getKey()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(json(refused).path("error").asText()).as(each.getKey()).isEqualTo(each.getKey());
            assertThat(refused.err().trim()).as(each.getKey()).doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(cli.run(issue(org, concat(diploma, "--date", "2027-03-02"))).err()).contains("2027-03-02").contains("future");
        assertThat(cli.run(issue(org, "--kind", "badge", "--to", holder, "--title", "T", "--ects", "1", "--sbu", "2")).exit())
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.run(issue(org, "--kind", "medal", "--to", holder, "--title", "T")).err()).contains("--kind takes");
        assertThat(org.resolve("issued")).doesNotExist();
    }

    @Test
    void readsTheFieldsFromAnIssueFileWithOptionsWinning() throws Exception {
        Path org = files.resolve("roc");
        organisation(org);
        Path from = Files.writeString(files.resolve("mbo.json"), "{\"kind\": \"microcredential\", \"format\": \"sd-jwt\","
                + " \"to\": \"" + holder + "\", \"title\": \"Basisvaardigheden zorgtechnologie\","
                + " \"outcome\": [\"Je bedient zorgdomotica.\"], \"sbu\": 240, \"eqf\": 4, \"nlqf\": \"4\","
                + " \"assessment\": \"Praktijkexamen\", \"participation\": \"op locatie\", \"quality-assurance\": \"Examencommissie\","
                + " \"given-name\": \"Daan\", \"family-name\": \"Jansen\"}");

        JsonNode issued = json(ok(issue(org, "--from", from.toString(), "--title", "Zorgtechnologie in de wijk")));

        assertThat(issued.path("format").asText()).isEqualTo("sd-jwt");
        assertThat(issued.path("file").asText()).endsWith(".sd-jwt");
        JsonNode stored = imported(issued.path("file").asText());
        assertThat(stored.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(stored.path("title").asText()).isEqualTo("Zorgtechnologie in de wijk");
        assertThat(ok("show", stored.path("id").asText()).out()).contains("240 SBU").contains("EQF 4");

        Path bad = Files.writeString(files.resolve("bad.json"), "{\"titel\": \"x\"}");
        CliRun.Result refused = cli.run(issue(org, "--from", bad.toString()));
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("titel");
    }

    @Test
    void bakesAPngAndAnSvgThatTheWalletImports() throws Exception {
        Path org = files.resolve("hu");
        organisation(org);
        String credential = json(ok(issue(org, "--kind", "badge", "--to", holder, "--title", "Academisch schrijven")))
                .path("file").asText();
        Path png = files.resolve("badge.png");
        Path svg = files.resolve("badge.svg");

        JsonNode baked = json(ok("--json", "issuer", "bake", credential, "--png", png.toString()));
        ok("issuer", "bake", credential, "--svg", svg.toString());

        assertThat(baked.path("image").asText()).isEqualTo("png");
        assertThat(PngBadgeReader.read(Files.readAllBytes(png)).payload()).isEqualTo(Files.readString(Path.of(credential)));
        assertThat(imported(png.toString()).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(Files.readString(svg)).contains("<openbadges:credential verify=");
        assertThat(cli.run("issuer", "bake", credential, "--png", png.toString()).exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.run("issuer", "bake", credential, "--png", files.resolve("x.png").toString(), "--image", svg.toString())
                .err()).contains("PNG");
        assertThat(cli.run("issuer", "bake", credential).exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void revokesACredentialWhoseStatusListIsServedAndTheWalletSeesIt() throws Exception {
        Path org = files.resolve("werkgever");
        try (HostedFiles served = new HostedFiles(org.resolve("public")).start(0)) {
            organisation(org, "--status-base", served.url());
            JsonNode issued = json(ok(issue(org, "--kind", "badge", "--to", holder, "--title", "BHV", "--hours", "16", "--status")));
            String id = imported(issued.path("file").asText()).path("id").asText();
            assertThat(json(ok("--json", "verify", id)).path("status").asText()).isEqualTo("VERIFIED");

            JsonNode revoked = json(ok("--json", "issuer", "revoke", org.toString(), issued.path("id").asText()));

            assertThat(revoked.path("state").asText()).isEqualTo("revoked");
            assertThat(revoked.path("list").asText()).isEqualTo(served.url() + "/status/1");
            CliRun.Result verified = cli.run("--json", "verify", id);
            assertThat(verified.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
            assertThat(json(verified).path("status").asText()).isEqualTo("REVOKED");
            CliRun.Result suspend = cli.run("--json", "issuer", "revoke", org.toString(), issued.path("id").asText(), "--suspend");
            assertThat(suspend.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(json(suspend).path("error").asText()).isEqualTo("CANNOT_SUSPEND");
            assertThat(cli.run("issuer", "revoke", org.toString(), "urn:uuid:nope").err()).contains("urn:uuid:nope");
        }
    }

    @Test
    void attestsAWorkExperienceRequestAndRefusesOneAlteredAfterItWasMade() throws Exception {
        Path org = files.resolve("werkgever");
        organisation(org);
        TestIssuer learner = TestIssuer.es256();
        String request = learner.sign(new JWSHeader.Builder(learner.algorithm()).type(new JOSEObjectType(AttestationRequest.TYPE))
                .keyID(learner.keyId()).build(), AttestationRequest.payloadJson(learner.did(), "entry-9", NOW,
                new WorkExperience("Hogeschool Utrecht", "Studentassistent", YearMonth.of(2026, 2), null, "Werkcolleges Python",
                        Arrays.asList("Python"))));
        Path file = Files.writeString(files.resolve("request.jwt"), request);

        CliRun.Result attested = ok("issuer", "attest", org.toString(), file.toString());
        JsonNode link = json(ok("--json", "issuer", "attest", org.toString(), AttestationRequest.LINK_PREFIX + request));

        assertThat(attested.out()).contains(learner.did()).contains("Studentassistent").contains("since 2026-02")
                .contains("Werkcolleges Python");
        assertThat(link.path("id").asText()).startsWith("urn:uuid:");
        assertThat(Path.of(link.path("file").asText())).exists();
        String[] parts = request.split("\\.");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("Studentassistent", "Docent")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        CliRun.Result refused = cli.run("--json", "issuer", "attest", org.toString(), AttestationRequest.LINK_PREFIX + altered);
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("ATTESTATION_REQUEST_ALTERED");
        assertThat(refused.err()).contains("altered");
    }

    @Test
    void servesThePublicFilesUntilStopped() throws Exception {
        Path org = files.resolve("werkgever");
        ok("issuer", "init", org.toString(), "--name", "Werkgever BV", "--status-base", "http://127.0.0.1:1");
        ok(issue(org, "--kind", "badge", "--to", holder, "--title", "BHV", "--status"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = new Thread(() -> WalletCommand.run(new String[] {"--json", "issuer", "serve", org.toString(), "--port", "0"},
                new HashMap<>(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                null, new WalletContext(Clock.systemUTC(), new SecureRandom(), IssuerKeys.offline(), GuardedFetcher.standard(true))));
        serving.start();
        try {
            JsonNode announced = null;
            for (int i = 0; i < 500 && announced == null; i++) {
                String printed = out.toString(StandardCharsets.UTF_8);
                announced = printed.trim().endsWith("}") ? StrictJson.parse(printed.getBytes(StandardCharsets.UTF_8)) : null;
                Thread.sleep(10);
            }
            assertThat(announced).as(err.toString(StandardCharsets.UTF_8)).isNotNull();
            String list = announced.path("url").asText() + "/status/1";
            assertThat(announced.path("files").toString()).contains(list);
            HttpURLConnection connection = (HttpURLConnection) new URL(list).openConnection();
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getContentType()).isEqualTo("application/vc+jwt");
        } finally {
            serving.interrupt();
            serving.join();
        }
        assertThat(serving.isAlive()).isFalse();
    }

    @Test
    void listsTheIssuerCommandsInTheHelp() {
        CliRun.Result help = ok("issuer", "--help");

        assertThat(help.out()).contains("init").contains("issue").contains("bake").contains("revoke").contains("attest")
                .contains("serve");
        assertThat(ok("issuer", "issue", "--help").out()).contains("--allow-incomplete").contains("--from")
                .contains("quality-assurance");
        assertThat(cli.run("issuer").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
