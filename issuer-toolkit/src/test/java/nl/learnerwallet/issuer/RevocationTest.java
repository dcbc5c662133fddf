package nl.learnerwallet.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation as the demo does it: a did:jwk organisation whose status lists the toolkit's own file
 * server publishes on loopback, and a wallet that fetches them through the guarded fetcher.
 */
class RevocationTest {

    @TempDir
    Path folder;

    private final TheWallet wallet = new TheWallet();
    private HostedFiles files;
    private Organisation organisation;
    private StatusLists statusLists;

    @BeforeEach
    void createAndServe() {
        Path directory = folder.resolve("werkgever");
        files = new HostedFiles(directory.resolve("public")).start(0);
        organisation = Organisation.create(directory, OrganisationSettings.named("Werkgever BV").withStatusBase(files.url()),
                new SecureRandom());
        statusLists = new StatusLists(TheWallet.CLOCK, new SecureRandom());
    }

    @AfterEach
    void stop() {
        files.stop();
    }

    private IssueResult issue(IssueFormat format) {
        return TheWallet.issuer().issue(organisation, IssueRequest.builder(AchievementKind.BADGE).format(format)
                .to(wallet.holder.did()).title("Bedrijfshulpverlening").studyLoad(StudyLoad.hours(16)).status(true).build());
    }

    private VerificationStatus verify(IssueResult issued) {
        CredentialVerifier.Verified verified = wallet.verifyOnline(issued.credential(), organisation.issuerId());
        return verified.report().status();
    }

    @Test
    void aRevokedVcJwtIsRevokedInTheBitstringStatusListTheWalletFetches() throws Exception {
        IssueResult issued = issue(IssueFormat.VC_JWT);
        JsonNode status = CompactJws.parse(issued.credential(), 100_000).payload().path("credentialStatus");
        assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.path("statusListCredential").asText()).isEqualTo(files.url() + "/status/1");
        assertThat(status.path("statusListIndex").asText()).isEqualTo(Long.toString(issued.status().index()));
        assertThat(verify(issued)).isEqualTo(VerificationStatus.VERIFIED);

        StatusLists.Revocation revoked = statusLists.revoke(organisation, issued.id(), false);

        assertThat(revoked.entry().state()).isEqualTo(StatusEntry.State.REVOKED);
        assertThat(revoked.listFile()).isEqualTo(organisation.publicDirectory().resolve("status/1"));
        assertThat(verify(issued)).isEqualTo(VerificationStatus.REVOKED);
        assertThat(issue(IssueFormat.VC_JWT)).satisfies(other -> assertThat(verify(other)).isEqualTo(VerificationStatus.VERIFIED));
    }

    @Test
    void anSdJwtIsSuspendedThenRevokedInTheTokenStatusList() throws Exception {
        IssueResult issued = issue(IssueFormat.SD_JWT);
        assertThat(issued.status().url()).isEqualTo(files.url() + "/status/token-1");
        assertThat(verify(issued)).isEqualTo(VerificationStatus.VERIFIED);

        statusLists.revoke(organisation, issued.id(), true);
        CredentialVerifier.Verified suspended = wallet.verifyOnline(issued.credential(), organisation.issuerId());
        assertThat(suspended.report().check(CheckId.STATUS).reason()).isEqualTo(Reason.SUSPENDED);

        statusLists.revoke(organisation, issued.id().substring("urn:uuid:".length()), false);
        assertThat(verify(issued)).isEqualTo(VerificationStatus.REVOKED);
        // Revoking is final: asking to suspend a revoked credential leaves it revoked.
        assertThat(statusLists.revoke(organisation, issued.id(), true).entry().state()).isEqualTo(StatusEntry.State.REVOKED);
    }

    @Test
    void entriesAreRandomDistinctAndRecordedInIssuedJson() throws Exception {
        Set<Long> indexes = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            indexes.add(issue(IssueFormat.VC_JWT).status().index());
        }
        assertThat(indexes).hasSize(8);
        // Eight consecutive entries from a list of 131,072 would say the order of issuing.
        assertThat(indexes.stream().mapToLong(Long::longValue).max().getAsLong()
                - indexes.stream().mapToLong(Long::longValue).min().getAsLong()).isGreaterThan(8);

        JsonNode recorded = StrictJson.parse(Files.readAllBytes(organisation.directory().resolve("issued.json")));
        assertThat(recorded.path("credentials").size()).isEqualTo(8);
        JsonNode first = recorded.path("credentials").elements().next();
        assertThat(first.path("kind").asText()).isEqualTo("badge");
        assertThat(first.path("list").asText()).isEqualTo("1");
        assertThat(first.path("state").asText()).isEqualTo("valid");
        assertThat(indexes).contains(first.path("index").asLong());
    }

    @Test
    void whatCannotBeRevokedIsRefused() {
        IssueResult vcJwt = issue(IssueFormat.VC_JWT);
        IssueResult withoutStatus = TheWallet.issuer().issue(organisation, IssueRequest.builder(AchievementKind.BADGE)
                .to(wallet.holder.did()).title("Zonder status").build());

        assertProblem(() -> statusLists.revoke(organisation, vcJwt.id(), true), IssuerException.Problem.CANNOT_SUSPEND);
        assertProblem(() -> statusLists.revoke(organisation, withoutStatus.id(), false), IssuerException.Problem.NOT_REVOCABLE);
        assertProblem(() -> statusLists.revoke(organisation, "urn:uuid:00000000-0000-4000-8000-000000000000", false),
                IssuerException.Problem.UNKNOWN_CREDENTIAL);
    }

    @Test
    void anOrganisationWithNowhereToPublishListsCannotIssueWithAStatus() {
        Organisation unpublished = Organisation.create(folder.resolve("other"), OrganisationSettings.named("Ander BV"),
                new SecureRandom());

        assertProblem(() -> TheWallet.issuer().issue(unpublished, IssueRequest.builder(AchievementKind.BADGE)
                .to(wallet.holder.did()).title("Badge").status(true).build()), IssuerException.Problem.NO_STATUS_URL);
        assertThat(unpublished.directory().resolve("issued.json")).doesNotExist();
    }

    private static void assertProblem(Runnable action, IssuerException.Problem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(IssuerException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
