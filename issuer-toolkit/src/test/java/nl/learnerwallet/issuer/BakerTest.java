package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.imageio.ImageIO;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.baked.BakedBadge;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.baked.SvgBadgeReader;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.BadgeBaker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baked badges read back by the wallet's own readers, and verified. */
class BakerTest {

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private Organisation organisation;
    private String credential;

    @BeforeEach
    void issue() {
        organisation = Organisation.create(folder.resolve("hu"), OrganisationSettings.named("Hogeschool Utrecht"), new SecureRandom());
        credential = TheWallet.issuer().issue(organisation, IssueRequest.builder(AchievementKind.BADGE).to(TheWallet.EMAIL)
                .title("Academisch schrijven <& co>").studyLoad(StudyLoad.ects(1)).build()).credential();
    }

    private void assertVerifiedBaked(byte[] image) {
        ReadCredential read = CredentialReader.read(image);
        assertThat(read.format()).isEqualTo(CredentialFormat.OB3_JWT);
        assertThat(read.baked()).isTrue();
        assertThat(read.encoded()).isEqualTo(credential);
        CredentialVerifier.Verified verified = wallet.verifyOffline(image, organisation.issuerId());
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void bakesIntoAGeneratedPngThatIsAValidImage() throws Exception {
        byte[] png = Baker.png(TheWallet.bytes(credential), null);

        BakedBadge baked = PngBadgeReader.read(png);
        assertThat(baked.payload()).isEqualTo(credential);
        assertVerifiedBaked(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("iTXtopenbadgecredential\0");
    }

    @Test
    void bakesIntoAGeneratedSvgWithTheTitle() {
        String svg = Baker.svg(TheWallet.bytes(credential), null);

        assertThat(SvgBadgeReader.read(svg).payload()).isEqualTo(credential);
        assertThat(svg).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"")
                .contains("<openbadges:credential verify=\"" + credential + "\">")
                .contains("Academisch schrijven &lt;&amp; co&gt;");
        assertVerifiedBaked(TheWallet.bytes(svg));
    }

    @Test
    void bakesIntoAGivenPngReplacingABadgeItCarried() throws Exception {
        byte[] given = Baker.png(TheWallet.bytes(credential), null);
        String other = TheWallet.issuer().issue(organisation, IssueRequest.builder(AchievementKind.EXTRACURRICULAR)
                .to(TheWallet.EMAIL).title("Studentassessor").build()).credential();

        byte[] rebaked = Baker.png(TheWallet.bytes(other), given);

        assertThat(PngBadgeReader.read(rebaked).payload()).isEqualTo(other);
        assertThat(ImageIO.read(new ByteArrayInputStream(rebaked)).getHeight()).isEqualTo(128);
    }

    @Test
    void bakesIntoAGivenSvgKeepingItsContent() {
        String given = "<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\""
                + " data-note='a > b'><rect width=\"10\" height=\"10\"/></svg>";

        String svg = Baker.svg(TheWallet.bytes(credential), given);

        assertThat(SvgBadgeReader.read(svg).payload()).isEqualTo(credential);
        assertThat(svg).startsWith("<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("data-note='a > b'").contains("<rect width=\"10\" height=\"10\"/></svg>");
        assertThat(Baker.svg(TheWallet.bytes(credential), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))
                .satisfies(baked -> assertThat(SvgBadgeReader.read(baked).payload()).isEqualTo(credential));
    }

    @Test
    void bakesAnOpenBadges2AssertionUnderItsOwnKeyword() {
        String assertion = "{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\","
                + "\"id\":\"https://badges.example.nl/assertions/1\",\"recipient\":{\"type\":\"email\",\"hashed\":false,"
                + "\"identity\":\"a@b.nl\"},\"badge\":\"https://badges.example.nl/badges/1\"}";

        byte[] png = Baker.png(TheWallet.bytes(assertion), null);
        String svg = Baker.svg(TheWallet.bytes(assertion), null);

        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("iTXtopenbadges\0");
        assertThat(PngBadgeReader.read(png).payload()).isEqualTo(assertion);
        assertThat(svg).contains("<openbadges:assertion verify=\"https://badges.example.nl/assertions/1\">")
                .contains("xmlns:openbadges=\"http://openbadges.org\"");
        assertThat(CredentialReader.read(TheWallet.bytes(svg)).format()).isEqualTo(CredentialFormat.OB2_HOSTED);
    }

    @Test
    void refusesWhatCannotBeBaked() {
        String sdJwt = TheWallet.issuer().issue(organisation, IssueRequest.builder(AchievementKind.DIPLOMA).format(IssueFormat.SD_JWT)
                .to(wallet.holder.did()).title("Bachelor").build()).credential();
        byte[] png = Baker.png(TheWallet.bytes(credential), null);
        byte[] damaged = Arrays.copyOf(png, png.length);
        damaged[40] ^= 1;

        assertProblem(() -> Baker.png(TheWallet.bytes(sdJwt), null), IssuerException.Problem.NOT_BAKEABLE);
        assertProblem(() -> Baker.svg(TheWallet.bytes("not a credential"), null), IssuerException.Problem.NOT_BAKEABLE);
        assertProblem(() -> Baker.png(TheWallet.bytes(credential), damaged), IssuerException.Problem.BAD_IMAGE);
        assertProblem(() -> Baker.png(TheWallet.bytes(credential), Arrays.copyOf(png, 60)), IssuerException.Problem.BAD_IMAGE);
        assertProblem(() -> Baker.png(TheWallet.bytes(credential), TheWallet.bytes("<svg/>")), IssuerException.Problem.BAD_IMAGE);
        assertProblem(() -> Baker.svg(TheWallet.bytes(credential), "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg>&x;</svg>"),
                IssuerException.Problem.BAD_IMAGE);
        assertProblem(() -> Baker.svg(TheWallet.bytes(credential), "<html/>"), IssuerException.Problem.BAD_IMAGE);
        assertProblem(() -> Baker.svg(TheWallet.bytes(credential), BadgeBaker.svg("{}", "https://example.nl/a")),
                IssuerException.Problem.ALREADY_BAKED);
    }

    private static void assertProblem(Runnable action, IssuerException.Problem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(IssuerException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
