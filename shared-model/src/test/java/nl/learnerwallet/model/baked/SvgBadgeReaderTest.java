package nl.learnerwallet.model.baked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.SharedTestData;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.Test;

class SvgBadgeReaderTest {

    private static final String HEAD = "<?xml version=\"1.0\"?>";
    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\">";

    @Test
    void readsTheRealBakedEdubadgesSvg() {
        BakedBadge badge = SvgBadgeReader.read(new String(SharedTestData.bytes("edubadges/baked/baked_svg_edubadge.svg"),
                StandardCharsets.UTF_8));
        assertThat(badge.payload()).startsWith("{").contains("0SiqaDWfS3CXi2gCg72j_A");
    }

    @Test
    void readsTheVerifyUrlWhenTheElementIsEmpty() {
        String svg = HEAD + SVG_OPEN + "<openbadges:assertion verify=\"https://issuer.example/a/1\"/></svg>";
        assertThat(SvgBadgeReader.read(svg).payload()).isEqualTo("https://issuer.example/a/1");
        assertThat(SvgBadgeReader.read(BadgeBaker.svg("{\"a\":1}", "https://x.example")).payload()).isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesADoctype() {
        assertProblem(HEAD + "<!DOCTYPE svg>" + SVG_OPEN + "</svg>", InputProblem.DTD_NOT_ALLOWED);
    }

    @Test
    void refusesExternalEntitiesAndFetchesNothing() {
        try (LoopbackIssuer listener = LoopbackIssuer.http()) {
            String svg = HEAD + "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + listener.url("/xxe") + "\">]>" + SVG_OPEN
                    + "<openbadges:assertion>&xxe;</openbadges:assertion></svg>";
            assertProblem(svg, InputProblem.DTD_NOT_ALLOWED);
            assertThat(listener.requests()).isEmpty();
        }
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder svg = new StringBuilder(HEAD + "<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            svg.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                svg.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            svg.append("\">");
        }
        svg.append("]>").append(SVG_OPEN).append("<openbadges:assertion>&lol9;</openbadges:assertion></svg>");
        assertProblem(svg.toString(), InputProblem.DTD_NOT_ALLOWED);
    }

    @Test
    void refusesAnExternalDtd() {
        try (LoopbackIssuer listener = LoopbackIssuer.http()) {
            String svg = HEAD + "<!DOCTYPE svg SYSTEM \"" + listener.url("/evil.dtd") + "\">" + SVG_OPEN + "</svg>";
            assertProblem(svg, InputProblem.DTD_NOT_ALLOWED);
            assertThat(listener.requests()).isEmpty();
        }
    }

    @Test
    void theParserRefusesADoctypeEvenWithoutThePreCheck() throws Exception {
        // The pre-check is one layer; the parser's own settings are the other.
        try (LoopbackIssuer listener = LoopbackIssuer.http()) {
            String svg = HEAD + "<!DOCTYPE svg SYSTEM \"" + listener.url("/evil.dtd") + "\">" + SVG_OPEN + "</svg>";
            java.lang.reflect.Method parser = SvgBadgeReader.class.getDeclaredMethod("parser");
            parser.setAccessible(true);
            javax.xml.parsers.SAXParser sax = (javax.xml.parsers.SAXParser) parser.invoke(null);
            assertThatThrownBy(() -> sax.parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)),
                    new org.xml.sax.helpers.DefaultHandler())).isInstanceOf(org.xml.sax.SAXException.class);
            assertThat(listener.requests()).isEmpty();
        }
    }

    @Test
    void refusesTwoAssertionElements() {
        String svg = HEAD + SVG_OPEN + "<openbadges:assertion verify=\"https://a.example/1\"/>"
                + "<openbadges:assertion verify=\"https://b.example/2\"/></svg>";
        assertProblem(svg, InputProblem.TWO_BADGES);
    }

    @Test
    void refusesAnSvgWithoutABadgeAndBrokenXml() {
        assertProblem(HEAD + SVG_OPEN + "</svg>", InputProblem.NO_BADGE);
        assertProblem(HEAD + SVG_OPEN + "<openbadges:assertion>", InputProblem.NOT_XML);
    }

    private static void assertProblem(String svg, InputProblem problem) {
        assertThatThrownBy(() -> SvgBadgeReader.read(svg)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
