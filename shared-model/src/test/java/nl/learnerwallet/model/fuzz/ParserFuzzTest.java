package nl.learnerwallet.model.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.baked.PngBadgeReader;
import nl.learnerwallet.model.baked.SvgBadgeReader;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.OfflinePresentation;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.sdjwt.KeyBindingRule;
import nl.learnerwallet.model.sdjwt.SdJwtVcVerifier;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.StatusCheck;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/**
 * Coverage-guided fuzz targets, one per importer and parser of untrusted bytes. The contract each
 * checks: a parser answers bad input only with its typed {@link LearnerWalletException} (never an
 * NPE, an index error, a stack overflow or an out-of-memory), and a verifier never throws at all
 * but reports. In the normal build they run once over the committed inputs in
 * {@code ParserFuzzTestInputs/<target>/} (seeds, and every crash found, as regression cases);
 * {@code scripts/fuzz} fuzzes one target for real (see SECURITY.md). Nothing here reaches the
 * network: keys are did:jwk/did:key, resolved offline, and no fetcher is given.
 */
class ParserFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final VerificationContext CONTEXT = new VerificationContext(new TrustList(Collections.emptyList()),
            new RecipientIdentities(Collections.<String>emptyList(), Collections.<String>emptyList(),
                    Collections.<String>emptyList()), CLOCK);
    private static final VcJwtVerifier VC_JWT = new VcJwtVerifier(IssuerKeys.offline(), new StatusCheck());
    private static final SdJwtVcVerifier SD_JWT = new SdJwtVcVerifier(IssuerKeys.offline(), new StatusCheck());
    private static final PresentationVerifier PRESENTATIONS = new PresentationVerifier(IssuerKeys.offline(),
            new CredentialVerifier(IssuerKeys.offline()));

    /**
     * The input as it is, and with every chunk's CRC made right: a fuzzer cannot compute CRC-32, so
     * without the second read it would hardly get past the first checksum.
     */
    @FuzzTest
    void png(byte[] input) {
        typedOnly(() -> PngBadgeReader.read(input));
        typedOnly(() -> PngBadgeReader.read(withCrcsRepaired(input)));
    }

    /** A copy whose chunks (as far as their lengths fit) carry correct CRCs; the rest is left as it is. */
    static byte[] withCrcsRepaired(byte[] png) {
        byte[] out = png.clone();
        int offset = 8;
        while (offset + 12 <= out.length) {
            long length = ((out[offset] & 0xffL) << 24) | ((out[offset + 1] & 0xffL) << 16)
                    | ((out[offset + 2] & 0xffL) << 8) | (out[offset + 3] & 0xffL);
            if (length > out.length - offset - 12L) {
                break;
            }
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(out, offset + 4, 4 + (int) length);
            int at = offset + 8 + (int) length;
            long value = crc.getValue();
            out[at] = (byte) (value >>> 24);
            out[at + 1] = (byte) (value >>> 16);
            out[at + 2] = (byte) (value >>> 8);
            out[at + 3] = (byte) value;
            offset = at + 4;
        }
        return out;
    }

    @FuzzTest
    void svg(byte[] input) {
        typedOnly(() -> SvgBadgeReader.read(new String(input, StandardCharsets.UTF_8)));
    }

    @FuzzTest
    void json(byte[] input) {
        typedOnly(() -> StrictJson.parse(input));
    }

    /** Format detection and reading of anything offered to {@code wallet import}. */
    @FuzzTest
    void credentialReader(byte[] input) {
        typedOnly(() -> {
            ReadCredential read = CredentialReader.read(input);
            assertThat(read).isNotNull();
        });
    }

    /** A VC-JWT through the whole verifier: every problem is a report, never an exception. */
    @FuzzTest
    void jws(byte[] input) {
        VerificationReport report = VC_JWT.verify(new String(input, StandardCharsets.UTF_8), CONTEXT).report();
        assertThat(report.status()).isNotNull();
    }

    /** An SD-JWT VC, as imported and as presented with a key binding. */
    @FuzzTest
    void sdJwt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        assertThat(SD_JWT.verify(text, CONTEXT, KeyBindingRule.ifPresent()).report().status()).isNotNull();
        assertThat(SD_JWT.verify(text, CONTEXT, KeyBindingRule.required("urn:learnerwallet:offline", "n", null))
                .report().status()).isNotNull();
    }

    /** The text of an offline QR code ({@code LW1:}): decoded, then verified as a presentation. */
    @FuzzTest
    void offlineQr(byte[] input) {
        String qr = new String(input, StandardCharsets.ISO_8859_1);
        String presentation;
        try {
            presentation = OfflinePresentation.decode(qr);
        } catch (LearnerWalletException typed) {
            return;
        }
        PresentationReport report = presentation.indexOf('~') >= 0
                ? PRESENTATIONS.verifySdJwt(presentation, PresentationVerifier.Expectation.none(), CONTEXT.trustList(), CLOCK)
                : PRESENTATIONS.verify(presentation, PresentationVerifier.Expectation.none(), CONTEXT.trustList(), CLOCK);
        assertThat(report).isNotNull();
    }

    private static void typedOnly(Runnable parse) {
        try {
            parse.run();
        } catch (LearnerWalletException typed) {
            // The typed answer to bad input; anything else propagates and is a finding.
        }
    }
}
