package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wallet demo} as a newcomer runs it: one command starts everything, prints a link whose page
 * shows every kind of credential genuine, and Ctrl-C (SIGTERM) stops the server it started.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+)/s/[A-Za-z0-9_-]+)");

    @TempDir
    Path folder;

    @Test
    void oneCommandShowsEveryKindOfCredentialGenuineAndStopsCleanly() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Dwallet.server.jar=" + System.getProperty("wallet.server.jar"),
                "-jar", System.getProperty("wallet.jar"), "demo", "--port", "0", "--dir", folder.resolve("demo").toString())
                .redirectErrorStream(true);
        builder.environment().remove("WALLET_HOME");
        Process demo = builder.start();
        List<String> output = new ArrayList<>();
        String link = null;
        int port = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher found = LINK.matcher(line);
                if (link == null && found.find()) {
                    link = found.group(1);
                    port = Integer.parseInt(found.group(2));
                }
                if (line.contains("Ctrl-C to stop")) {
                    break;
                }
            }
            assertThat(link).as(String.join("\n", output)).isNotNull();

            JsonNode page = JSON.readTree(get(link, "application/json"));
            assertThat(page.path("status").asText()).as(page.toString()).isEqualTo("VERIFIED");
            List<String> kinds = new ArrayList<>();
            for (JsonNode credential : page.path("credentials")) {
                assertThat(credential.path("status").asText()).as(credential.toString()).isEqualTo("VERIFIED");
                kinds.add(credential.path("card").path("kind").asText());
            }
            assertThat(kinds).containsExactlyInAnyOrder("MICROCREDENTIAL", "MICROCREDENTIAL", "MICROCREDENTIAL",
                    "REGULAR_BADGE", "EXTRACURRICULAR_BADGE", "DIPLOMA", "WORK_EXPERIENCE");
            String html = new String(get(link, "text/html"), StandardCharsets.UTF_8);
            assertThat(html).contains("240 SBU").contains("EQF 4").contains("5 EC").contains("EQF 6").contains("6 EC")
                    .contains("EQF 7").contains("CROHO 60144").contains("kind-diploma").contains("kind-work-experience")
                    .contains("kind-extracurricular-badge");
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C ends it
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serverStopped(port)).as("the demo's server stops with it").isTrue();
    }

    private static byte[] get(String link, String accept) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(link).openConnection();
        connection.setRequestProperty("Accept", accept);
        connection.setRequestProperty("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36");
        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (java.io.InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static boolean serverStopped(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                Thread.sleep(250);
            } catch (IOException refused) {
                return true;
            }
        }
        return false;
    }
}
