package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An employer attests what a learner declared, once it has checked that the learner's request is theirs and unaltered. */
class AttestationsTest {

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private final Attestations attestations = new Attestations(TheWallet.CLOCK, new SecureRandom());
    private Organisation employer;

    @BeforeEach
    void createEmployer() {
        employer = Organisation.create(folder.resolve("werkgever"), OrganisationSettings.named("Werkgever BV"), new SecureRandom());
    }

    @Test
    void attestsWhatTheLearnerDeclaredToTheirHolderKey() throws Exception {
        String request = Requests.signedBy(wallet.holder, "entry-42", Requests.EXPERIENCE);

        AttestationRequest read = Attestations.read(AttestationRequest.LINK_PREFIX + request);
        Attestations.Attestation attestation = attestations.attest(employer, read, null);

        assertThat(read.holder()).isEqualTo(wallet.holder.did());
        assertThat(Attestations.namesAnotherEmployer(employer, read)).isFalse();
        IssueResult issued = attestation.issued();
        CredentialVerifier.Verified verified = wallet.verifyOffline(TheWallet.read(issued.file()), employer.issuerId());
        assertThat(verified.report().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(verified.card().kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(verified.card().title()).isEqualTo("Junior data-analist");
        assertThat(verified.card().description()).isEqualTo("Dashboards en datakwaliteit voor de afdeling zorg.");
        assertThat(verified.card().learner()).isEqualTo(wallet.holder.did());
        JsonNode subject = CompactJws.parse(issued.credential(), 100_000).payload().path("credentialSubject");
        assertThat(subject.path("id").asText()).isEqualTo(wallet.holder.did());
        assertThat(subject.path("achievement").path("achievementType").asText()).isEqualTo("ext:WorkExperience");
        assertThat(subject.path("attestationRequest").asText()).isEqualTo("entry-42");
        JsonNode work = subject.path("workExperience");
        assertThat(work.path("employer").asText()).isEqualTo("Werkgever BV");
        assertThat(work.path("role").asText()).isEqualTo("Junior data-analist");
        assertThat(work.path("from").asText()).isEqualTo("2025-09");
        assertThat(work.path("to").asText()).isEqualTo("2026-08");
        assertThat(work.path("skills").toString()).isEqualTo("[\"Python\",\"SQL\"]");
        assertThat(CompactJws.parse(issued.credential(), 100_000).payload().path("validFrom").asText())
                .isEqualTo(TheWallet.NOW.toString());
    }

    @Test
    void aRequestAlteredAfterTheLearnerMadeItIsRefused() {
        String request = Requests.signedBy(wallet.holder, "entry-42", Requests.EXPERIENCE);
        String[] parts = request.split("\\.");
        ObjectNode payload = (ObjectNode) StrictJson.parse(Base64.getUrlDecoder().decode(parts[1]));
        ((ObjectNode) payload.get("experience")).put("role", "Directeur");
        String altered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> Attestations.read(altered)).isInstanceOfSatisfying(IssuerException.class,
                e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.ATTESTATION_REQUEST_ALTERED));
        assertThat(employer.directory().resolve("issued.json")).doesNotExist();
    }

    @Test
    void whatIsNotARequestIsSaidToBeNone() {
        String credential = TheWallet.issuer().issue(employer, IssueRequest.builder(AchievementKind.BADGE)
                .to(wallet.holder.did()).title("Badge").build()).credential();

        for (String text : new String[] {"hello", credential, AttestationRequest.LINK_PREFIX}) {
            assertThatThrownBy(() -> Attestations.read(text)).as(text).isInstanceOfSatisfying(IssuerException.class,
                    e -> assertThat(e.problem()).isEqualTo(IssuerException.Problem.NOT_AN_ATTESTATION_REQUEST));
        }
    }

    @Test
    void aRequestNamingAnotherEmployerIsToldApart() {
        Organisation other = Organisation.create(folder.resolve("ander"), OrganisationSettings.named("Ander BV"), new SecureRandom());

        AttestationRequest read = Attestations.read(Requests.signedBy(wallet.holder, "entry-1", Requests.EXPERIENCE));

        assertThat(Attestations.namesAnotherEmployer(other, read)).isTrue();
        assertThat(Attestations.namesAnotherEmployer(Organisation.create(folder.resolve("same"),
                OrganisationSettings.named("  werkgever   bv "), new SecureRandom()), read)).isFalse();
    }
}
