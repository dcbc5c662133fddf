package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import nl.learnerwallet.testsupport.LoopbackIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organisations identified on the web, their published files served over real HTTPS (a loopback
 * server with a test certificate), verified online by the wallet: a did:web (its DID document), an
 * https issuer (its issuer profile for VC-JWTs, its JWT VC Issuer Metadata for SD-JWT VCs), their
 * status lists, and a credential signed by another key than the one the DID document publishes.
 */
class OnlineIssuerTest {

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private final LoopbackIssuer server = LoopbackIssuer.https();

    @AfterEach
    void stop() {
        server.close();
    }

    private IssueRequest.Builder diploma(IssueFormat format) {
        IssueRequest.Builder request = IssueRequest.builder(AchievementKind.DIPLOMA).format(format).to(wallet.holder.did())
                .title("Bachelor HBO-ICT").eqf(6).studyLoad(StudyLoad.ects(240)).programmeCode("CROHO 34479").status(true);
        return format == IssueFormat.SD_JWT ? request.givenName("Sanne").familyName("de Vries") : request;
    }

    private CredentialVerifier.Verified verify(IssueResult issued, Organisation organisation) {
        return wallet.verifyOnline(issued.credential(), organisation.issuerId(), server);
    }

    @Test
    void aDidWebOrganisationsCredentialVerifiesOnlineAndIsRevokedInItsPublishedList() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("hu"), OrganisationSettings.named("Hogeschool Utrecht")
                .withDid(server.didWeb()), new SecureRandom());
        assertThat(organisation.statusBaseUrl()).isEqualTo(server.base());
        IssueResult issued = TheWallet.issuer().issue(organisation, diploma(IssueFormat.VC_JWT).build());
        TheWallet.publish(organisation, server);

        CredentialVerifier.Verified verified = verify(issued, organisation);

        assertThat(verified.report().status()).as(verified.report().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.report().check(CheckId.ISSUER_KEY).detail()).isEqualTo(organisation.keyId());
        assertThat(verified.report().check(CheckId.STATUS).reason()).isEqualTo(Reason.OK);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(verified.card().programmeCode()).isEqualTo("CROHO 34479");

        new StatusLists(TheWallet.CLOCK, new SecureRandom()).revoke(organisation, issued.id(), false);
        TheWallet.publish(organisation, server);
        assertThat(verify(issued, organisation).report().status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void anHttpsIssuersSdJwtVerifiesWithItsJwtVcIssuerMetadataAndItsTokenStatusList() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("uu"), OrganisationSettings.named("Universiteit Utrecht")
                .withUrl(server.base()), new SecureRandom());
        IssueResult issued = TheWallet.issuer().issue(organisation, diploma(IssueFormat.SD_JWT).build());
        TheWallet.publish(organisation, server);

        CredentialVerifier.Verified verified = verify(issued, organisation);

        assertThat(verified.report().status()).as(verified.report().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.report().check(CheckId.ISSUER_KEY).detail()).isEqualTo(organisation.keyId());
        assertThat(server.requests()).contains("/.well-known/jwt-vc-issuer", "/status/token-1");
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.DIPLOMA);

        new StatusLists(TheWallet.CLOCK, new SecureRandom()).revoke(organisation, issued.id(), false);
        TheWallet.publish(organisation, server);
        assertThat(verify(issued, organisation).report().status()).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void anHttpsIssuersVcJwtVerifiesWithTheIssuerProfileAtItsId() throws Exception {
        Organisation organisation = Organisation.create(folder.resolve("uu"), OrganisationSettings.named("Universiteit Utrecht")
                .withUrl(server.url("/badges")), new SecureRandom());
        IssueResult issued = TheWallet.issuer().issue(organisation, diploma(IssueFormat.VC_JWT).build());
        TheWallet.publish(organisation, server);

        CredentialVerifier.Verified verified = verify(issued, organisation);

        assertThat(verified.report().status()).as(verified.report().toString()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(server.requests()).contains("/badges", "/badges/status/1");
    }

    @Test
    void anAttestationSignedByAnotherKeyThanTheEmployersPublishedOneIsTampered() throws Exception {
        Organisation published = Organisation.create(folder.resolve("real"), OrganisationSettings.named("Werkgever BV")
                .withDid(server.didWeb()), new SecureRandom());
        Organisation impostor = Organisation.create(folder.resolve("impostor"), OrganisationSettings.named("Werkgever BV")
                .withDid(server.didWeb()), new SecureRandom());
        TheWallet.publish(published, server);
        Attestations attestations = new Attestations(TheWallet.CLOCK, new SecureRandom());
        String request = Requests.signedBy(wallet.holder, "entry-7", Requests.EXPERIENCE);

        IssueResult genuine = attestations.attest(published, Attestations.read(request), null).issued();
        IssueResult forged = attestations.attest(impostor, Attestations.read(request), null).issued();

        assertThat(verify(genuine, published).report().status()).isEqualTo(VerificationStatus.VERIFIED);
        CredentialVerifier.Verified verified = verify(forged, published);
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.TAMPERED);
        assertThat(verified.report().check(CheckId.ISSUER_KEY).reason()).isEqualTo(Reason.KID_NOT_ISSUERS);
    }
}
