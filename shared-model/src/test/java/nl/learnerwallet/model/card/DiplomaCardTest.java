package nl.learnerwallet.model.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** Diplomas as a kind of their own, from OB 3.0 and from our SD-JWT type, with their programme codes. */
class DiplomaCardTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private final TestIssuer issuer = TestIssuer.es256();

    private CredentialVerifier.Verified verify(String credential) {
        VerificationContext context = new VerificationContext(
                TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "test", NOW)),
                RecipientIdentities.none(), Clock.fixed(NOW, ZoneOffset.UTC));
        return new CredentialVerifier(IssuerKeys.offline())
                .verify(CredentialReader.read(credential.getBytes(StandardCharsets.US_ASCII)), context);
    }

    @Test
    void anOpenBadgesDiplomaIsADiplomaWithItsCrohoCode() {
        CredentialVerifier.Verified verified = verify(DutchCredentials.of(DutchCredentials.Shape.DIPLOMA, issuer).signed());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(verified.card().programmeCode()).isEqualTo("CROHO 30020");
        assertThat(verified.card().level().eqf()).isEqualTo(6);
        assertThat(CardJson.write(verified.card()).path("programmeCode").asText()).isEqualTo("CROHO 30020");
    }

    @Test
    void anSdJwtDiplomaIsADiplomaWithItsCodeLevelAndGrade() {
        CredentialVerifier.Verified verified = verify(new SdJwtIssuer(issuer).diploma(TestIssuer.es256().publicJwk()).issue());

        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(verified.card().title()).isEqualTo("Bachelor HBO-ICT");
        assertThat(verified.card().programmeCode()).isEqualTo("CROHO 34479");
        assertThat(verified.card().level().eqf()).isEqualTo(6);
        assertThat(verified.card().grade()).isEqualTo("cum laude");
        assertThat(verified.card().awardingBody()).isEqualTo("Hogeschool Utrecht");
    }
}
