package nl.learnerwallet.client.oid4vc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.learnerwallet.client.sync.BackupEnvelope;
import nl.learnerwallet.client.sync.WalletSnapshot;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.fetch.FetchConfig;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * Fuzz targets for what the wallet reads from issuers, verifiers and its own server: OpenID4VCI
 * offers, OpenID4VP requests, DCQL queries (matched against real credentials), and backup
 * envelopes with the wallet snapshot inside. Only typed {@link LearnerWalletException}s may come
 * out. Regression inputs live in {@code ProtocolFuzzTestInputs/<target>/}; {@code scripts/fuzz}
 * fuzzes one target (see SECURITY.md).
 *
 * <p>By-reference offers and requests make the wallet fetch: the fetcher here allows no private
 * address and gives up within a tenth of a second. When fuzzing, Jazzer's SSRF detector watches
 * every connection: one to a public address is what a by-reference link asks for and is let
 * through; one to a loopback, private, link-local or wildcard address is a finding, since the
 * guarded fetcher must never make it. (The first run flagged any connection at all, a by-reference
 * offer to 12.70.0.1; that was the harness, not the wallet.)
 */
class ProtocolFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final GuardedFetcher FETCHER = new GuardedFetcher(FetchConfig.defaults().withTimeouts(50, 50, 100));
    private static final ProtocolHttp HTTP = new ProtocolHttp(FETCHER);
    private static final byte[] BACKUP_KEY = new byte[32];
    private static final String ACCOUNT = "fuzzed-account";
    private static final List<DcqlMatcher.Candidate> CANDIDATES = candidates();

    @FuzzTest
    void credentialOffer(byte[] input) {
        onlyPublicConnections();
        typedOnly(() -> assertThat(CredentialOffer.read(new String(input, StandardCharsets.UTF_8), HTTP)).isNotNull());
    }

    @FuzzTest
    void presentationRequest(byte[] input) {
        onlyPublicConnections();
        typedOnly(() -> assertThat(PresentationRequest.read(new String(input, StandardCharsets.UTF_8), FETCHER,
                IssuerKeys.offline(), CLOCK)).isNotNull());
    }

    /** A DCQL query, parsed and matched against an SD-JWT VC and a VC-JWT the wallet holds. */
    @FuzzTest
    void dcql(byte[] input) {
        typedOnly(() -> DcqlMatcher.plan(DcqlQuery.parse(StrictJson.parse(input)), CANDIDATES));
    }

    /**
     * The first byte chooses the layer: the envelope as the server hands it back (header, then
     * authenticated decryption), or a snapshot the fuzzer wrote, sealed and opened, then read.
     */
    @FuzzTest
    void backupEnvelope(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        typedOnly(() -> {
            byte[] plaintext = (input[0] & 1) == 0 ? BackupEnvelope.open(BACKUP_KEY, ACCOUNT, rest)
                    : BackupEnvelope.open(BACKUP_KEY, ACCOUNT, BackupEnvelope.seal(BACKUP_KEY, ACCOUNT, 7, rest,
                            new SecureRandom()));
            assertThat(WalletSnapshot.fromJson(plaintext)).isNotNull();
        });
    }

    private static List<DcqlMatcher.Candidate> candidates() {
        TestIssuer issuer = TestIssuer.es256();
        TestIssuer holder = TestIssuer.es256();
        List<DcqlMatcher.Candidate> out = new ArrayList<>();
        out.add(new DcqlMatcher.Candidate("sd", "EU Learning Credential", CredentialFormat.SD_JWT_VC,
                new SdJwtIssuer(issuer).euLearningCredential(holder.publicJwk()).issue().getBytes(StandardCharsets.US_ASCII)));
        out.add(new DcqlMatcher.Candidate("vc", "Microcredential", CredentialFormat.OB3_JWT,
                DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder.did()).signed()
                        .getBytes(StandardCharsets.US_ASCII)));
        return out;
    }

    /** Connections to public addresses are allowed; any other is reported by Jazzer as SSRF. */
    private static void onlyPublicConnections() {
        BugDetectors.allowNetworkConnections((host, port) -> {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
                        return false;
                    }
                }
                return true;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        });
    }

    private static void typedOnly(Runnable parse) {
        try {
            parse.run();
        } catch (LearnerWalletException typed) {
            // The typed answer to bad input; anything else propagates and is a finding.
        }
    }
}
