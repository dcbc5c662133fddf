package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code wallet} command as a learner runs it: a real process, its exit codes and
 * streams, in English and in Dutch. The README walkthrough, top to bottom.
 */
class WalletProcessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path files;

    record Result(int exit, String out, String err) {
    }

    private Result wallet(String language, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=" + language, "-jar", System.getProperty("wallet.jar")));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("WALLET_HOME", home.toString());
        builder.environment().put("WALLET_PASSPHRASE", "correct horse battery");
        Path out = Files.createTempFile(files, "out", ".txt");
        Path err = Files.createTempFile(files, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("wallet did not finish");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Without {@code --disclose} at a terminal the learner is asked which claims to show. The
     * command runs under {@code script}, which gives it a pseudo-terminal as a learner's shell would.
     */
    @Test
    void aLearnerAtATerminalChoosesTheClaimsToShow() throws Exception {
        String holder = JSON.readTree(wallet("en", "init", "--json").out()).path("holder").asText();
        TestIssuer issuer = TestIssuer.es256();
        assertThat(wallet("en", "trust", "add", issuer.did(), "--name", "Hogeschool Utrecht").exit()).isZero();
        com.nimbusds.jose.jwk.JWK holderKey = com.nimbusds.jose.jwk.JWK.parse(new String(
                java.util.Base64.getUrlDecoder().decode(holder.substring("did:jwk:".length())), StandardCharsets.UTF_8));
        Path credential = Files.writeString(files.resolve("learning.sd-jwt"),
                new nl.learnerwallet.testsupport.SdJwtIssuer(issuer).euLearningCredential(holderKey).issue());
        String id = JSON.readTree(wallet("en", "import", credential.toString(), "--json").out()).path("id").asText();
        Path presentation = files.resolve("presentation.txt");

        String command = String.join(" ", Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-jar", System.getProperty("wallet.jar"), "present", id, "--out", presentation.toString());
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null");
        builder.environment().put("WALLET_HOME", home.toString());
        builder.environment().put("WALLET_PASSPHRASE", "correct horse battery");
        Path out = files.resolve("terminal.txt");
        builder.redirectOutput(out.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        // The answer waits in the terminal until the question is asked; stdin stays open until the end.
        process.getOutputStream().write("1 issuing_authority\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        process.getOutputStream().close();
        if (!finished) {
            process.destroyForcibly();
        }
        String terminal = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(finished).as(terminal).isTrue();
        assertThat(process.exitValue()).as(terminal).isZero();
        assertThat(terminal).contains("Which claims do you want to show?").contains("1) achievement_title");

        Result verified = wallet("en", "verify", presentation.toString(), "--json");
        assertThat(verified.exit()).as(verified.out()).isZero();
        JsonNode card = JSON.readTree(verified.out()).path("credentials").get(0).path("card");
        assertThat(card.path("title").asText()).isEqualTo("Data Science Basics");
        assertThat(card.path("awardingBody").asText()).isEqualTo("Hogeschool Utrecht");
        assertThat(card.has("learner")).isFalse();
        assertThat(card.has("grade")).isFalse();
    }

    @Test
    void theNewcomerWalkthrough() throws Exception {
        Result init = wallet("en", "init", "--json");
        assertThat(init.exit()).isZero();
        String holder = JSON.readTree(init.out()).path("holder").asText();

        TestIssuer issuer = TestIssuer.es256();
        assertThat(wallet("en", "trust", "add", issuer.did(), "--name", "Hogeschool Utrecht").exit()).isZero();
        Path credential = Files.writeString(files.resolve("badge.jwt"),
                DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed());

        Result imported = wallet("en", "import", credential.toString(), "--json");
        assertThat(imported.exit()).isZero();
        JsonNode stored = JSON.readTree(imported.out());
        assertThat(stored.path("status").asText()).isEqualTo("VERIFIED");

        Result list = wallet("en", "list");
        assertThat(list.out()).contains("Data-analyse met Python").contains("Microcredential").contains("VERIFIED");

        Result verify = wallet("en", "verify", stored.path("id").asText());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("genuine");

        String token = Files.readString(credential);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Data-analyse met Python", "Data-analyse met Python (met lof)");
        Path tampered = Files.writeString(files.resolve("tampered.jwt"), parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
        Result refused = wallet("en", "import", tampered.toString());
        assertThat(refused.exit()).isEqualTo(ExitCode.NOT_VERIFIED);
        assertThat(refused.err()).contains("refused").doesNotContain("Exception");
    }

    @Test
    void speaksDutchInADutchLocale() throws Exception {
        wallet("nl", "init");
        Result list = wallet("nl", "list");
        assertThat(list.out()).contains("Je wallet is leeg");
        Result wrong = wallet("nl", "--passphrase-file", "/nonexistent/file", "list");
        assertThat(wrong.exit()).isZero(); // WALLET_PASSPHRASE comes first in the contract's order
        Result help = wallet("nl", "import", "--help");
        assertThat(help.out()).contains("Importeer een credential");
    }

    @Test
    void errorsAreOneSentenceWithoutAStackTrace() throws Exception {
        Result noWallet = wallet("en", "list");
        assertThat(noWallet.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noWallet.err().trim().split("\n")).hasSize(1);
        assertThat(noWallet.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
