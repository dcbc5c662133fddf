package nl.learnerwallet.model.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.baked.SvgBadgeReader;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.testsupport.BadgeBaker;
import nl.learnerwallet.testsupport.HostileInputs;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Attack catalogue, baked badge images (the cases of the Open Badges issue live in
 * PngBadgeReaderTest and SvgBadgeReaderTest; these are the rest). Nothing an image names is
 * fetched: its URLs point at the attacker's server, which sees nothing. That a badge image's
 * scripts and links are never shown active is the share page's part (wallet-server's
 * PageAttacksTest).
 */
class BadgeImageAttacksTest {

    private final Attacker attacker = new Attacker();
    private final TestIssuer issuer = TestIssuer.es256();
    private final HostileInputs inputs = new HostileInputs(issuer, TestIssuer.es256().did(), attacker.url(""));

    @AfterEach
    void nothingReachedTheAttacker() {
        attacker.untouched();
        attacker.close();
    }

    /** A second badge appended after IEND was ignored (found by this catalogue); another reader would see it. */
    @Test
    void pngWithDataAfterIend() {
        refused(() -> PngBadgeReader.read(inputs.pngWithDataAfterEnd()), InputProblem.DATA_AFTER_END);
        refused(() -> CredentialReader.read(inputs.pngWithDataAfterEnd()), InputProblem.DATA_AFTER_END);
    }

    /** 2^31 - 1 by 2^31 - 1 pixels: the badge is read from its chunk, no pixel is ever decoded. */
    @Test
    void pngWithHugeDimensions() {
        assertThat(PngBadgeReader.read(inputs.pngWithHugeDimensions()).payload()).isEqualTo(
                PngBadgeReader.read(BadgeBaker.png("openbadgecredential", inputs.genuine())).payload());
    }

    /** The XInclude is not followed: the badge element stays empty, and nothing is fetched. */
    @Test
    void svgWithXInclude() {
        refused(() -> SvgBadgeReader.read(new String(inputs.svgWithXInclude(), StandardCharsets.UTF_8)), InputProblem.NO_BADGE);
    }

    @Test
    void svgWithAnExternalEntity() {
        refused(() -> SvgBadgeReader.read(new String(inputs.svgWithExternalEntity(), StandardCharsets.UTF_8)),
                InputProblem.DTD_NOT_ALLOWED);
    }

    /** A script and a javascript: link in the image are the image's business: the badge is read, nothing runs or is fetched. */
    @Test
    void svgWithScriptAndJavascriptLinks() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "xmlns:openbadges=\"http://openbadges.org\" onload=\"fetch('" + attacker.url("/onload") + "')\">"
                + "<script>fetch('" + attacker.url("/script") + "')</script>"
                + "<a xlink:href=\"javascript:fetch('" + attacker.url("/link") + "')\"><text>open</text></a>"
                + "<image href=\"" + attacker.url("/image.png") + "\"/>"
                + "<openbadges:credential>" + inputs.genuine() + "</openbadges:credential></svg>";

        assertThat(SvgBadgeReader.read(svg).payload()).isEqualTo(inputs.genuine());
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable read, InputProblem problem) {
        assertThatThrownBy(read).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
