package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SD-JWT VCs through the `wallet` command: import, show, present selectively, offline QR codes. */
class WalletCommandSdJwtTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final TestIssuer issuer = TestIssuer.es256();
    private CliRun cli;
    private JWK holder;

    @BeforeEach
    void init() throws Exception {
        cli = new CliRun(home).withEnvironment("WALLET_PASSPHRASE", CliRun.PASSPHRASE)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        CliRun.Result created = cli.run("--json", "init");
        assertThat(created.exit()).as(created.err()).isZero();
        String did = json(created).path("holder").asText();
        holder = JWK.parse(new String(Base64.getUrlDecoder().decode(did.substring("did:jwk:".length())), StandardCharsets.UTF_8));
        assertThat(cli.run("trust", "add", issuer.did(), "--name", "Hogeschool Rotterdam").exit()).isZero();
    }

    private static JsonNode json(CliRun.Result result) {
        return StrictJson.parse(result.out().getBytes(StandardCharsets.UTF_8));
    }

    private String importMicrocredential() throws Exception {
        Path file = files.resolve("microcredential.sd-jwt");
        Files.write(file, new SdJwtIssuer(issuer).microcredential(holder).issue().getBytes(StandardCharsets.US_ASCII));
        CliRun.Result imported = cli.run("--json", "import", file.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        JsonNode document = json(imported);
        assertThat(document.path("format").asText()).isEqualTo("sd-jwt-vc");
        assertThat(document.path("kind").asText()).isEqualTo("MICROCREDENTIAL");
        assertThat(document.path("status").asText()).isEqualTo("VERIFIED");
        return document.path("id").asText();
    }

    @Test
    void importsAnSdJwtAndShowsWhichClaimsAreDisclosable() throws Exception {
        String id = importMicrocredential();

        CliRun.Result shown = cli.run("show", id);

        assertThat(shown.out()).contains("Circulaire bouwtechniek").contains("EQF 6").contains("5 EC")
                .contains("Selectively disclosable").contains("assessment_grade");
        assertThat(json(cli.run("--json", "show", id)).path("card").path("disclosableClaims").toString())
                .contains("achievement_title");
    }

    @Test
    void presentsOnlyTheChosenClaimsToAFileThatVerifies() throws Exception {
        String id = importMicrocredential();
        Path out = files.resolve("presentation.txt");

        CliRun.Result presented = cli.run("present", id, "--disclose", "achievement_title", "level", "--aud",
                "https://werkgever.example", "--nonce", "abc123", "--out", out.toString());
        assertThat(presented.exit()).as(presented.err()).isZero();
        String compact = new String(Files.readAllBytes(out), StandardCharsets.US_ASCII);
        assertThat(compact).doesNotEndWith("~").contains("~");

        CliRun.Result verified = cli.run("--json", "verify", out.toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        JsonNode report = json(verified);
        assertThat(report.path("status").asText()).isEqualTo("VERIFIED");
        JsonNode credential = report.path("credentials").get(0);
        assertThat(credential.path("card").path("title").asText()).isEqualTo("Circulaire bouwtechniek");
        assertThat(credential.path("card").has("grade")).isFalse();
        assertThat(credential.path("withheldClaims").toString()).contains("assessment_grade").contains("family_name");
        assertThat(cli.run("verify", out.toString()).out()).contains("Not disclosed by the learner");
    }

    @Test
    void withoutATerminalTheLearnerMustNameTheClaims() throws Exception {
        String id = importMicrocredential();

        CliRun.Result refused = cli.run("present", id, "--out", files.resolve("p.txt").toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--disclose").contains("achievement_title");
        assertThat(Files.exists(files.resolve("p.txt"))).isFalse();
    }

    @Test
    void anUnknownClaimIsRefusedWithTheChoices() throws Exception {
        String id = importMicrocredential();

        CliRun.Result refused = cli.run("--json", "present", id, "--disclose", "date_of_birth", "--out",
                files.resolve("p.txt").toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(json(refused).path("error").asText()).isEqualTo("UNKNOWN_CLAIM");
        assertThat(refused.err()).contains("date_of_birth").contains("assessment_grade");
    }

    @Test
    void aPresentationOfferedForImportIsRefused() throws Exception {
        String id = importMicrocredential();
        Path out = files.resolve("presentation.txt");
        assertThat(cli.run("present", id, "--disclose", "*", "--out", out.toString()).exit()).isZero();

        CliRun.Result refused = cli.run("--json", "import", out.toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).contains("KEY_BINDING_NOT_EXPECTED");
    }

    @Test
    void anOfflineQrCodeVerifiesWithoutNetworkUntilItExpires() throws Exception {
        String id = importMicrocredential();
        Path qr = files.resolve("offline.png");

        CliRun.Result presented = cli.run("--json", "present", id, "--disclose", "achievement_title,level,issuing_authority",
                "--offline", "--qr", qr.toString(), "--valid-for", "7d");
        assertThat(presented.exit()).as(presented.err()).isZero();
        JsonNode written = json(presented);
        assertThat(written.path("qrVersion").asInt()).isBetween(1, 35);

        CliRun.Result verified = cli.run("--json", "verify", qr.toString(), "--offline");
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(json(verified).path("credentials").get(0).path("card").path("title").asText())
                .isEqualTo("Circulaire bouwtechniek");

        CliRun later = new CliRun(home).withEnvironment("WALLET_PASSPHRASE", CliRun.PASSPHRASE)
                .withClock(Clock.fixed(NOW.plusSeconds(8 * 86400), ZoneOffset.UTC));
        CliRun.Result expired = later.run("--json", "verify", qr.toString(), "--offline");
        assertThat(expired.exit()).isEqualTo(1);
        assertThat(expired.out()).contains("STALE");
    }

    @Test
    void aPresentationTooLargeForAPhoneIsRefusedWithALinkSuggested() throws Exception {
        java.util.List<String> outcomes = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            outcomes.add("Leerresultaat " + i + ": analyseert een bouwkundig vraagstuk op circulariteit, kiest onderbouwd"
                    + " materialen en verantwoordt de keuze tegenover opdrachtgever en toezichthouder");
        }
        Path file = files.resolve("large.sd-jwt");
        Files.write(file, new SdJwtIssuer(issuer).microcredential(holder).disclosable("learning_outcomes", outcomes).issue()
                .getBytes(StandardCharsets.US_ASCII));
        CliRun.Result imported = cli.run("--json", "import", file.toString());
        String id = json(imported).path("id").asText();

        CliRun.Result refused = cli.run("present", id, "--disclose", "*", "--offline", "--qr",
                files.resolve("big.png").toString());

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("wallet share create " + id);
        assertThat(Files.exists(files.resolve("big.png"))).isFalse();
    }

    @Test
    void anHttpsIssuersKeysArePinnedWhenTrustedSoItsOfflineQrCodeVerifiesWithTheServerGone() throws Exception {
        nl.learnerwallet.testsupport.LoopbackIssuer server = nl.learnerwallet.testsupport.LoopbackIssuer.https();
        String httpsIssuer = server.url("/hogeschool");
        com.fasterxml.jackson.databind.node.ObjectNode metadata = StrictJson.mapper().createObjectNode();
        metadata.put("issuer", httpsIssuer);
        com.fasterxml.jackson.databind.node.ObjectNode jwk = StrictJson.mapper().valueToTree(issuer.publicJwk().toJSONObject());
        jwk.put("kid", "signing-2027");
        metadata.putObject("jwks").putArray("keys").add(jwk);
        server.json(nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver.metadataUrl(httpsIssuer)
                .substring(server.base().length()), metadata.toString());
        CliRun online = new CliRun(home).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withFetcher(new nl.learnerwallet.model.fetch.GuardedFetcher(nl.learnerwallet.model.fetch.FetchConfig.defaults()
                        .withAllowPrivateNetworks(true).withTls(server.clientSocketFactory(), server.trustManager())));
        Path qr = files.resolve("offline.png");
        try {
            CliRun.Result trusted = online.run("trust", "add", httpsIssuer, "--name", "Hogeschool Utrecht");
            assertThat(trusted.out()).contains("1 public key");
            Path file = files.resolve("https.sd-jwt");
            Files.write(file, new SdJwtIssuer(issuer).euLearningCredential(holder).visible("iss", httpsIssuer)
                    .kid("signing-2027").issue().getBytes(StandardCharsets.US_ASCII));
            CliRun.Result imported = online.run("--json", "import", file.toString());
            assertThat(json(imported).path("status").asText()).as(imported.out()).isEqualTo("VERIFIED");
            String id = json(imported).path("id").asText();
            assertThat(cli.run("present", id, "--disclose", "achievement_title", "--offline", "--qr", qr.toString()).exit())
                    .isZero();
        } finally {
            server.close();
        }

        CliRun.Result verified = cli.run("--json", "verify", qr.toString(), "--offline");

        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(json(verified).path("credentials").get(0).path("status").asText()).isEqualTo("VERIFIED");
        assertThat(cli.run("trust", "add", httpsIssuer, "--name", "Hogeschool Utrecht", "--no-keys").exit()).isZero();
        CliRun.Result unpinned = cli.run("--json", "verify", qr.toString(), "--offline");
        assertThat(unpinned.exit()).isEqualTo(3);
    }
}
