package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command contract of DESIGN.md, driven in-process: JSON fields, exit codes, errors, nothing written on bad input. */
class WalletCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path files;

    private final TestIssuer issuer = TestIssuer.es256();
    private CliRun cli;
    private String holder;
    private String recoveryCode;

    @BeforeEach
    void initAndTrust() throws IOException {
        cli = new CliRun(home);
        CliRun.Result init = cli.run("init", "--json");
        assertThat(init.exit()).isZero();
        JsonNode created = JSON.readTree(init.out());
        holder = created.path("holder").asText();
        recoveryCode = created.path("recoveryCode").asText();
        assertThat(holder).startsWith("did:jwk:");
        assertThat(recoveryCode).matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}");
        assertThat(cli.run("trust", "add", issuer.did(), "--name", "Hogeschool Utrecht").exit()).isZero();
    }

    private Path file(String name, String content) throws IOException {
        return Files.write(files.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private Path credential(Shape shape) throws IOException {
        return file(shape.name() + ".jwt", DutchCredentials.of(shape, issuer).toHolder(holder).signed());
    }

    private int storedCount() throws IOException {
        return JSON.readTree(cli.run("list", "--json").out()).size();
    }

    @Test
    void importListShowAndVerifyAMicrocredential() throws IOException {
        CliRun.Result imported = cli.run("import", credential(Shape.HBO_MICROCREDENTIAL).toString(), "--json");
        assertThat(imported.exit()).isZero();
        JsonNode document = JSON.readTree(imported.out());
        assertThat(document.path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(document.path("format").asText()).isEqualTo("ob3-jwt");
        assertThat(document.path("status").asText()).isEqualTo("VERIFIED");
        String id = document.path("id").asText();

        JsonNode list = JSON.readTree(cli.run("list", "--json").out());
        assertThat(list).hasSize(1);
        JsonNode entry = list.get(0);
        assertThat(entry.path("id").asText()).isEqualTo(id);
        assertThat(entry.path("title").asText()).isEqualTo("Data-analyse met Python");
        assertThat(entry.path("issuer").asText()).isEqualTo("Hogeschool Utrecht");
        assertThat(entry.path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(entry.path("format").asText()).isEqualTo("ob3-jwt");
        assertThat(entry.path("status").asText()).isEqualTo("VERIFIED");

        JsonNode shown = JSON.readTree(cli.run("show", id, "--json").out());
        assertThat(shown.path("card").path("studyLoad").path("unit").asText()).isEqualTo("ECTS");
        assertThat(shown.path("card").path("level").path("eqf").asInt()).isEqualTo(6);
        assertThat(shown.path("card").path("euElementsMissing")).isEmpty();

        CliRun.Result verified = cli.run("verify", id, "--json");
        assertThat(verified.exit()).isZero();
        JsonNode report = JSON.readTree(verified.out());
        assertThat(report.path("status").asText()).isEqualTo("VERIFIED");
        assertThat(report.path("checks")).isNotEmpty();
        for (JsonNode check : report.path("checks")) {
            assertThat(check.has("id") && check.has("outcome") && check.has("reason")).isTrue();
        }
    }

    @Test
    void jsonOutputIsOneDocumentAndNothingElse() throws IOException {
        CliRun.Result imported = cli.run("import", credential(Shape.DIPLOMA).toString(), "--json");
        JsonNode parsed = JSON.readTree(imported.out());
        assertThat(parsed.isObject()).isTrue();
        assertThat(imported.out().trim()).startsWith("{").endsWith("}");
    }

    @Test
    void textOutputNamesTheKindAndStatus() throws IOException {
        CliRun.Result imported = cli.run("import", credential(Shape.MBO_MICROCREDENTIAL).toString());
        assertThat(imported.out()).contains("Basisvaardigheden zorgtechnologie").contains("Microcredential").contains("VERIFIED");
        CliRun.Result list = cli.run("list");
        assertThat(list.out()).contains("Microcredential").contains("ROC Midden Nederland");
    }

    @Test
    void verifyExitsOneForAnExpiredFileAndStoresNothing() throws IOException {
        Path expired = file("expired.jwt", DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).expired().signed());
        CliRun.Result verified = cli.run("verify", expired.toString(), "--json");
        assertThat(verified.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(JSON.readTree(verified.out()).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(storedCount()).isZero();
    }

    @Test
    void importStoresExpiredAndNotYetValidCredentialsWithTheirStatus() throws IOException {
        Path expired = file("expired.jwt", DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).expired().signed());
        Path early = file("early.jwt", DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).notYetValid().signed());
        CliRun.Result first = cli.run("import", expired.toString(), "--json");
        CliRun.Result second = cli.run("import", early.toString(), "--json");
        assertThat(first.exit()).isZero();
        assertThat(second.exit()).isZero();
        assertThat(JSON.readTree(first.out()).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(JSON.readTree(second.out()).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(storedCount()).isEqualTo(2);
    }

    @Test
    void verifyExitsOneForAnUnknownIssuer() throws IOException {
        TestIssuer stranger = TestIssuer.ed25519();
        Path unknown = file("unknown.jwt", DutchCredentials.of(Shape.REGULAR_BADGE, stranger).toHolder(holder).signed());
        CliRun.Result verified = cli.run("verify", unknown.toString(), "--json");
        assertThat(verified.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(JSON.readTree(verified.out()).path("status").asText()).isEqualTo("UNKNOWN_ISSUER");
    }

    @Test
    void verifyExitsThreeWhenTheIssuerKeyCannotBeLookedUp() throws IOException {
        String token = issuer.signRaw("{\"alg\":\"ES256\",\"typ\":\"JWT\"}",
                DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).payload().toString()
                        .replace(issuer.did(), "did:web:badges.example.nl"));
        Path web = file("web.jwt", token);
        // Untrusted, the summary is UNKNOWN_ISSUER (exit 1): it comes before UNVERIFIABLE in the order.
        assertThat(cli.run("verify", web.toString()).exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        cli.run("trust", "add", "did:web:badges.example.nl", "--name", "Badges");
        CliRun.Result verified = cli.run("verify", web.toString(), "--json");
        assertThat(verified.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(JSON.readTree(verified.out()).path("status").asText()).isEqualTo("UNVERIFIABLE");
    }

    @Test
    void importRefusesATamperedCredentialWithExitOneAndStoresNothing() throws IOException {
        String token = DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"creditsAvailable\":5.0", "\"creditsAvailable\":30.0");
        assertThat(payload).contains("30.0");
        Path tampered = file("tampered.jwt", parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        CliRun.Result result = cli.run("import", tampered.toString(), "--json");
        assertThat(result.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(JSON.readTree(result.out()).path("status").asText()).isEqualTo("TAMPERED");
        assertOneSentenceOnStderr(result);
        assertThat(storedCount()).isZero();
    }

    @Test
    void importRefusesAlgNoneInAnyCaseAsTampered() throws IOException {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(DutchCredentials.of(Shape.REGULAR_BADGE, issuer)
                .toHolder(holder).payload().toString().getBytes(StandardCharsets.UTF_8));
        for (String alg : new String[] {"none", "None", "NONE", "nOnE"}) {
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
            CliRun.Result result = cli.run("import", file(alg + ".jwt", header + "." + payload + ".").toString());
            assertThat(result.exit()).as(alg).isEqualTo(ExitCode.NOT_VERIFIED);
        }
        assertThat(storedCount()).isZero();
    }

    @Test
    void importRefusesAJwtOfOneMegabyteAsMalformed() throws IOException {
        StringBuilder big = new StringBuilder("eyJhbGciOiJFUzI1NiJ9.");
        while (big.length() < 1024 * 1024) {
            big.append("QUFBQUFBQUFB");
        }
        big.append(".AAAA");
        CliRun.Result result = cli.run("import", file("big.jwt", big.toString()).toString(), "--json");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(JSON.readTree(result.out()).path("status").asText()).isEqualTo("MALFORMED");
        assertThat(storedCount()).isZero();
    }

    @Test
    void importRefusesJsonNestedOneHundredThousandDeep() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        CliRun.Result result = cli.run("import", file("deep.json", deep).toString(), "--json");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(JSON.readTree(result.out()).path("error").asText()).isEqualTo("TOO_DEEP");
        assertOneSentenceOnStderr(result);
        assertThat(storedCount()).isZero();
    }

    @Test
    void importRefusesJsonWithDuplicateKeys() throws IOException {
        String token = DutchCredentials.of(Shape.REGULAR_BADGE, issuer).toHolder(holder).signed();
        CliRun.Result result = cli.run("import",
                file("dup.json", "{\"credential\":\"" + token + "\",\"credential\":\"x\"}").toString(), "--json");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(JSON.readTree(result.out()).path("error").asText()).isEqualTo("DUPLICATE_KEY");
        assertThat(storedCount()).isZero();
    }

    @Test
    void importRefusesATwentyMegabyteFileBeforeReadingIt() throws IOException {
        Path huge = files.resolve("huge.json");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(20L * 1024 * 1024);
        }
        CliRun.Result result = cli.run("import", huge.toString(), "--json");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(JSON.readTree(result.out()).path("error").asText()).isEqualTo("TOO_LARGE");
        assertThat(storedCount()).isZero();
    }

    @Test
    void importAcceptsACredentialResponseHoldingAJwt() throws IOException {
        String token = DutchCredentials.of(Shape.WO_MICROCREDENTIAL, issuer).toHolder(holder).vc2Form().signed();
        CliRun.Result result = cli.run("import",
                file("response.json", "{\"credentials\":[{\"credential\":\"" + token + "\"}]}").toString(), "--json");
        assertThat(result.exit()).isZero();
        assertThat(JSON.readTree(result.out()).path("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void aWrongPassphraseIsOneSentenceAndExitTwo() throws IOException {
        Path credential = credential(Shape.REGULAR_BADGE);
        CliRun.Result result = cli.withEnvironment("WALLET_PASSPHRASE", "not the passphrase").run("import", credential.toString());
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.err().trim()).isEqualTo("Wrong passphrase.");
        assertThat(cli.withEnvironment("WALLET_PASSPHRASE", CliRun.PASSPHRASE).run("list", "--json").out().trim()).isEqualTo("[ ]");
    }

    @Test
    void readsThePassphraseFromAFile() throws IOException {
        Path passphraseFile = file("passphrase.txt", CliRun.PASSPHRASE + "\n");
        CliRun.Result result = cli.withEnvironment("WALLET_PASSPHRASE", null)
                .run("--passphrase-file", passphraseFile.toString(), "list", "--json");
        assertThat(result.exit()).isZero();
    }

    @Test
    void withoutAPassphraseOrTerminalItSaysHowToGiveOne() {
        CliRun.Result result = cli.withEnvironment("WALLET_PASSPHRASE", null).run("list");
        assertThat(result.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertOneSentenceOnStderr(result);
    }

    @Test
    void passphraseResetRefusesAWrongRecoveryCodeAndAcceptsTheRightOne() throws IOException {
        CliRun.Result wrong = cli.withEnvironment("WALLET_PASSPHRASE", "a new passphrase")
                .run("passphrase", "reset", "--recovery-code", "0000-0000-0000-0000-0000-0000-0000", "--json");
        assertThat(wrong.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(JSON.readTree(wrong.out()).path("error").asText()).isEqualTo("WRONG_RECOVERY_CODE");
        assertOneSentenceOnStderr(wrong);

        CliRun.Result right = cli.run("passphrase", "reset", "--recovery-code", recoveryCode.toLowerCase());
        assertThat(right.exit()).isZero();
        assertThat(cli.run("list").exit()).isZero();
        assertThat(cli.withEnvironment("WALLET_PASSPHRASE", CliRun.PASSPHRASE).run("list").exit())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void addingAnIdentityMakesAnEmailAddressedBadgeMatch() throws IOException {
        Path toEmail = file("email.jwt", DutchCredentials.of(Shape.MBO_MICROCREDENTIAL, issuer)
                .toEmail("learner@student.example.nl").signed());
        CliRun.Result imported = cli.run("import", toEmail.toString(), "--json");
        assertThat(JSON.readTree(imported.out()).path("status").asText()).isEqualTo("NOT_RECIPIENT");
        String id = JSON.readTree(imported.out()).path("id").asText();
        assertThat(cli.run("identity", "add", "learner@student.example.nl").exit()).isZero();
        assertThat(JSON.readTree(cli.run("verify", id, "--json").out()).path("status").asText()).isEqualTo("VERIFIED");
        JsonNode identities = JSON.readTree(cli.run("identity", "list", "--json").out());
        assertThat(identities.get(0).path("value").asText()).isEqualTo("learner@student.example.nl");
    }

    @Test
    void trustListAddListRemove() throws IOException {
        assertThat(JSON.readTree(cli.run("trust", "list", "--json").out()).get(0).path("name").asText())
                .isEqualTo("Hogeschool Utrecht");
        assertThat(cli.run("trust", "remove", issuer.did()).exit()).isZero();
        assertThat(JSON.readTree(cli.run("trust", "list", "--json").out())).isEmpty();
        assertThat(cli.run("trust", "remove", issuer.did()).exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.run("trust", "add", "not-a-did", "--name", "X").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void deleteAndExport() throws IOException {
        String first = JSON.readTree(cli.run("import", credential(Shape.DIPLOMA).toString(), "--json").out()).path("id").asText();
        cli.run("import", credential(Shape.REGULAR_BADGE).toString());
        Path export = files.resolve("export.json");
        assertThat(cli.run("export", export.toString()).exit()).isZero();
        JsonNode exported = JSON.readTree(export.toFile());
        assertThat(exported.path("credentials")).hasSize(2);
        assertThat(exported.toString()).doesNotContain("\"d\"");
        assertThat(cli.run("export", export.toString()).exit()).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(cli.run("delete", first).exit()).isZero();
        assertThat(storedCount()).isEqualTo(1);
        assertThat(cli.run("show", first).exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void initRefusesToOverwriteAWallet() {
        CliRun.Result again = cli.run("init");
        assertThat(again.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertOneSentenceOnStderr(again);
    }

    @Test
    void unknownCommandsAndMissingArgumentsAreUsageErrors() {
        assertThat(cli.run("frobnicate").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.run("import").exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.run("trust", "add", issuer.did()).exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void everyCommandHasHelp() {
        String[][] commands = {{}, {"init"}, {"passphrase", "reset"}, {"identity", "add"}, {"identity", "list"},
            {"trust", "add"}, {"trust", "list"}, {"trust", "remove"}, {"import"}, {"list"}, {"show"}, {"verify"},
            {"delete"}, {"export"}};
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CliRun.Result help = cli.run(args);
            assertThat(help.exit()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Usage:");
        }
    }

    private static void assertOneSentenceOnStderr(CliRun.Result result) {
        String[] lines = result.err().trim().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(last).endsWith(".");
    }
}
