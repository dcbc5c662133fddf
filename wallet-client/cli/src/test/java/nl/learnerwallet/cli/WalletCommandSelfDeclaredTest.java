package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work experience and diplomas added by hand through the `wallet` command, and the attestation round trip. */
class WalletCommandSelfDeclaredTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final TestIssuer employer = TestIssuer.es256();
    private CliRun cli;

    @BeforeEach
    void init() {
        cli = new CliRun(home).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        CliRun.Result created = cli.run("init");
        assertThat(created.exit()).as(created.err()).isZero();
    }

    private static JsonNode json(CliRun.Result result) {
        return StrictJson.parse(result.out().getBytes(StandardCharsets.UTF_8));
    }

    private String addExperience() {
        CliRun.Result added = cli.run("--json", "experience", "add", "--employer", "Gemeente Utrecht", "--role", "Data-analist",
                "--from", "2021-09", "--to", "2024-06", "--description", "Dashboards voor de afdeling Wonen.",
                "--skill", "Python", "--skill", "SQL");
        assertThat(added.exit()).as(added.err()).isZero();
        JsonNode document = json(added);
        assertThat(document.path("kind").asText()).isEqualTo("WORK_EXPERIENCE");
        assertThat(document.path("format").asText()).isEqualTo("self-declared");
        assertThat(document.path("status").asText()).isEqualTo("SELF_DECLARED");
        return document.path("id").asText();
    }

    @Test
    void addsWorkExperienceThatListAndShowCallSelfDeclared() {
        String id = addExperience();

        JsonNode listed = json(cli.run("--json", "list"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("SELF_DECLARED");
        assertThat(cli.run("list").out()).contains(id).contains("Work experience").contains("SELF_DECLARED")
                .contains("Data-analist — Gemeente Utrecht");
        CliRun.Result shown = cli.run("show", id);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Work experience (self-declared)").contains("Employer")
                .contains("Gemeente Utrecht (as you declared it; nobody signed this)").contains("2021-09 – 2024-06")
                .contains("Skills").contains("Python").contains("Dashboards voor de afdeling Wonen.")
                .contains("SELF_DECLARED (self-declared, not signed by an issuer)").doesNotContain("null");
        assertThat(json(cli.run("--json", "show", id)).path("card").path("workPeriod").path("from").asText())
                .isEqualTo("2021-09");
        assertThat(cli.run("verify", id).exit()).isEqualTo(ExitCode.NOT_VERIFIED);
    }

    @Test
    void addingPrintsTheIdAndTheNextStep() {
        CliRun.Result added = cli.run("experience", "add", "--employer", "Bol", "--role", "Developer", "--from", "2025-01");

        assertThat(added.exit()).as(added.err()).isZero();
        String id = json(cli.run("--json", "list")).get(0).path("id").asText();
        assertThat(added.out()).contains("\"Developer\" (Bol)").contains(id).contains("self-declared")
                .contains("wallet experience request " + id);
        assertThat(cli.run("show", id).out()).contains("2025-01 – now");
    }

    private CliRun.Result addWork(String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.Arrays.asList("--json", "experience", "add",
                "--employer", "Bol"));
        args.addAll(java.util.Arrays.asList(options));
        return cli.run(args.toArray(new String[0]));
    }

    private static void assertRefused(CliRun.Result refused, String error, String option) {
        assertThat(refused.exit()).as(refused.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo(error);
        assertThat(refused.err().trim()).contains(option).endsWith(".").doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void badWorkExperienceIsOneSentenceAndExitTwoAndNothingIsStored() {
        assertRefused(addWork("--role", "Developer", "--from", "2024-06", "--to", "2021-09"), "PERIOD_ENDS_BEFORE_START", "--to");
        assertRefused(addWork("--role", "Developer", "--from", "2021-13"), "BAD_VALUE", "--from");
        assertRefused(addWork("--role", "Developer", "--from", "2027-09"), "DATE_IN_FUTURE", "--from");
        assertRefused(addWork("--role", "Developer", "--from", "2026-09", "--to", "2028-01"), "DATE_IN_FUTURE", "--to");
        assertRefused(addWork("--role", "  ", "--from", "2021-09"), "MISSING_FIELD", "--role");
        assertRefused(addWork("--role", "Developer", "--from", "2021-09", "--skill", "Java\u001b[2J"), "BAD_VALUE", "--skill");
        assertThat(cli.run("experience", "add", "--role", "Developer", "--from", "2021-09").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(cli.run("--json", "list"))).isEmpty();
    }

    @Test
    void theRequestIsAFileTheEmployerCanVerifyAndALink() throws IOException {
        String id = addExperience();
        Path file = files.resolve("request.jwt");

        CliRun.Result requested = cli.run("experience", "request", id, "--out", file.toString());

        assertThat(requested.exit()).as(requested.err()).isZero();
        String jwt = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
        AttestationRequest request = AttestationRequest.verify(jwt, IssuerKeys.offline());
        assertThat(request.requestId()).isEqualTo(id);
        assertThat(request.experience().employer()).isEqualTo("Gemeente Utrecht");
        assertThat(request.experience().skills()).containsExactly("Python", "SQL");
        assertThat(requested.out()).contains("lw-attest:" + jwt).contains("wallet issuer attest").contains("Gemeente Utrecht")
                .contains(file.toString());

        CliRun.Result again = cli.run("--json", "experience", "request", id, "--out", file.toString());
        assertThat(again.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(again).path("error").asText()).isEqualTo("FILE_EXISTS");
        CliRun.Result forced = cli.run("--json", "experience", "request", id, "--out", file.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isZero();
        JsonNode document = json(forced);
        assertThat(document.path("id").asText()).isEqualTo(id);
        assertThat(document.path("file").asText()).isEqualTo(file.toString());
        assertThat(AttestationRequest.verify(document.path("link").asText(), IssuerKeys.offline()).requestId()).isEqualTo(id);
    }

    @Test
    void onlyWorkExperienceYouAddedCanBeRequested() {
        CliRun.Result diploma = cli.run("--json", "diploma", "add", "--institution", "Hogeschool Utrecht", "--programme",
                "HBO-ICT", "--date", "2021-07-02");
        String id = json(diploma).path("id").asText();

        CliRun.Result refused = cli.run("--json", "experience", "request", id, "--out", files.resolve("r.jwt").toString());

        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(refused).path("error").asText()).isEqualTo("NOT_ATTESTABLE");
        assertThat(refused.err()).contains("Only work experience you added yourself");
        assertThat(Files.exists(files.resolve("r.jwt"))).isFalse();
    }

    @Test
    void importingTheAttestedCredentialReplacesTheEntry() throws IOException {
        String id = addExperience();
        Path requestFile = files.resolve("request.jwt");
        assertThat(cli.run("experience", "request", id, "--out", requestFile.toString()).exit()).isZero();
        AttestationRequest request = AttestationRequest.verify(new String(Files.readAllBytes(requestFile),
                StandardCharsets.US_ASCII), IssuerKeys.offline());
        ObjectNode payload = DutchCredentials.of(Shape.REGULAR_BADGE, employer).toHolder(request.holder()).payload();
        ObjectNode subject = (ObjectNode) payload.path("vc").path("credentialSubject");
        subject.put("attestationRequest", request.requestId());
        ((ObjectNode) subject.path("achievement")).put("achievementType", "ext:WorkExperience")
                .put("name", request.experience().role());
        Path attested = files.resolve("attested.jwt");
        Files.write(attested, employer.sign(payload).getBytes(StandardCharsets.US_ASCII));
        assertThat(cli.run("trust", "add", employer.did(), "--name", "Gemeente Utrecht").exit()).isZero();

        CliRun.Result imported = cli.run("--json", "import", attested.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode document = json(imported);
        assertThat(document.path("replaced").asText()).isEqualTo(id);
        assertThat(document.path("kind").asText()).isEqualTo("WORK_EXPERIENCE");
        assertThat(document.path("status").asText()).isEqualTo("VERIFIED");
        JsonNode listed = json(cli.run("--json", "list"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("format").asText()).isEqualTo("ob3-jwt");
        assertThat(cli.run("show", id).exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    /** The whole round trip through the commands alone: the learner asks, the employer's toolkit signs, the learner imports. */
    @Test
    void theEmployersToolkitAttestsTheRequestAndTheAttestationTakesTheEntrysPlace() throws IOException {
        String id = addExperience();
        Path requestFile = files.resolve("request.jwt");
        assertThat(cli.run("experience", "request", id, "--out", requestFile.toString()).exit()).isZero();
        Path organisation = files.resolve("gemeente");
        CliRun employerSide = new CliRun(files.resolve("employer-home")).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(employerSide.run("issuer", "init", organisation.toString(), "--name", "Gemeente Utrecht").exit()).isZero();
        Path attested = files.resolve("attested.jwt");
        CliRun.Result signed = employerSide.run("issuer", "attest", organisation.toString(), requestFile.toString(),
                "--out", attested.toString());
        assertThat(signed.exit()).as(signed.err()).isZero();
        String issuerId = StrictJson.parse(Files.readAllBytes(organisation.resolve("organisation.json"))).path("issuer").asText();
        assertThat(cli.run("trust", "add", issuerId, "--name", "Gemeente Utrecht").exit()).isZero();

        CliRun.Result imported = cli.run("--json", "import", attested.toString());

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(json(imported).path("replaced").asText()).isEqualTo(id);
        assertThat(json(imported).path("kind").asText()).isEqualTo("WORK_EXPERIENCE");
        assertThat(json(imported).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(json(cli.run("--json", "list"))).hasSize(1);
    }

    @Test
    void addsADiplomaYourself() {
        CliRun.Result added = cli.run("--json", "diploma", "add", "--institution", "Hogeschool Utrecht", "--programme", "HBO-ICT",
                "--programme-code", "croho 34479", "--eqf", "6", "--nlqf", "6", "--date", "2021-07-02", "--grade", "7,8");

        assertThat(added.exit()).as(added.err()).isZero();
        JsonNode document = json(added);
        assertThat(document.path("kind").asText()).isEqualTo("DIPLOMA");
        assertThat(document.path("format").asText()).isEqualTo("self-declared");
        assertThat(document.path("status").asText()).isEqualTo("SELF_DECLARED");
        CliRun.Result shown = cli.run("show", document.path("id").asText());
        assertThat(shown.out()).contains("Diploma (self-declared)").contains("Institution")
                .contains("Hogeschool Utrecht (as you declared it").contains("CROHO 34479").contains("EQF 6, NLQF 6")
                .contains("Awarded on").contains("2021-07-02").contains("7,8").doesNotContain("null");
    }

    @Test
    void badDiplomasAreRefusedWithTheOptionToChange() {
        CliRun.Result badCode = cli.run("diploma", "add", "--institution", "HU", "--programme", "HBO-ICT", "--programme-code",
                "ISAT 34479", "--date", "2021-07-02");
        assertThat(badCode.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badCode.err()).contains("--programme-code").contains("CROHO 34479");

        CliRun.Result future = cli.run("--json", "diploma", "add", "--institution", "HU", "--programme", "HBO-ICT", "--date",
                "2027-07-02");
        assertThat(future.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(json(future).path("error").asText()).isEqualTo("DATE_IN_FUTURE");
        assertThat(future.err()).contains("--date");

        CliRun.Result eqf = cli.run("diploma", "add", "--institution", "HU", "--programme", "HBO-ICT", "--eqf", "9", "--date",
                "2021-07-02");
        assertThat(eqf.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(eqf.err()).contains("--eqf");
        assertThat(cli.run("diploma", "add", "--institution", "HU", "--programme", "HBO-ICT", "--date", "2 juli 2021").err())
                .contains("--date").contains("2024-07-05");
        assertThat(json(cli.run("--json", "list"))).isEmpty();
    }

    @Test
    void theNewCommandsHaveHelpAndEveryMessageIsInDutchToo() throws IOException {
        for (String[] command : new String[][] {{"experience", "add"}, {"experience", "request"}, {"diploma", "add"}}) {
            CliRun.Result help = cli.run(command[0], command[1], "--help");
            assertThat(help.exit()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Usage:");
        }
        Properties english = bundle("Messages.properties");
        Properties dutch = bundle("Messages_nl.properties");
        assertThat(dutch.stringPropertyNames()).containsAll(english.stringPropertyNames());
        assertThat(bundle("Help_nl.properties").stringPropertyNames()).contains("wallet.experience.add.usage.description",
                "wallet.experience.request.usage.description", "wallet.diploma.add.usage.description", "option.employer",
                "option.programmeCode", "option.requestOut");
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WalletCommand.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
