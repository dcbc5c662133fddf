package nl.learnerwallet.model.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationReportTest {

    private static final Instant CHECKED = Instant.parse("2027-03-01T12:00:00Z");

    private static CheckResult failed(CheckId id) {
        return CheckResult.failed(id, Reason.BAD_CLAIM, null);
    }

    @Test
    void statusFollowsDesignOrderAsFailuresAreRemovedOneByOne() {
        List<CheckResult> checks = new ArrayList<>(Arrays.asList(
                CheckResult.inconclusive(CheckId.HOLDER_BINDING, Reason.STATUS_NOT_CHECKABLE, null),
                failed(CheckId.ISSUER_TRUST),
                failed(CheckId.RECIPIENT),
                failed(CheckId.VALIDITY),
                failed(CheckId.STATUS),
                failed(CheckId.ISSUER_KEY),
                failed(CheckId.SIGNATURE),
                failed(CheckId.FORMAT)));
        List<VerificationStatus> seen = new ArrayList<>();
        while (true) {
            seen.add(VerificationReport.of(CHECKED, checks).status());
            if (checks.isEmpty()) {
                break;
            }
            checks.remove(checks.size() - 1);
        }

        assertThat(seen).containsExactly(
                VerificationStatus.MALFORMED,
                VerificationStatus.TAMPERED,
                VerificationStatus.TAMPERED,
                VerificationStatus.REVOKED,
                VerificationStatus.EXPIRED,
                VerificationStatus.NOT_RECIPIENT,
                VerificationStatus.UNKNOWN_ISSUER,
                VerificationStatus.UNVERIFIABLE,
                VerificationStatus.VERIFIED);
    }

    @Test
    void failedHolderBindingIsTampered() {
        VerificationReport report = VerificationReport.of(CHECKED, Arrays.asList(
                CheckResult.passed(CheckId.SIGNATURE), failed(CheckId.HOLDER_BINDING), failed(CheckId.VALIDITY)));

        assertThat(report.status()).isEqualTo(VerificationStatus.TAMPERED);
    }

    @Test
    void failureOutranksInconclusiveWhateverTheOrderOfChecks() {
        VerificationReport report = VerificationReport.of(CHECKED, Arrays.asList(
                CheckResult.inconclusive(CheckId.SIGNATURE, Reason.UNSUPPORTED_ISSUER_METHOD, null),
                failed(CheckId.ISSUER_TRUST)));

        assertThat(report.status()).isEqualTo(VerificationStatus.UNKNOWN_ISSUER);
    }

    @Test
    void inconclusiveOutranksSelfDeclared() {
        VerificationReport report = new VerificationReport(Collections.singletonList(
                CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE, null)), CHECKED, true);

        assertThat(report.status()).isEqualTo(VerificationStatus.UNVERIFIABLE);
    }

    @Test
    void entryNobodySignedIsSelfDeclared() {
        assertThat(VerificationReport.selfDeclared(CHECKED).status()).isEqualTo(VerificationStatus.SELF_DECLARED);
    }

    @Test
    void allPassedIsVerified() {
        VerificationReport report = VerificationReport.of(CHECKED, Arrays.asList(CheckResult.passed(CheckId.FORMAT),
                CheckResult.passed(CheckId.SIGNATURE), CheckResult.passed(CheckId.STATUS, Reason.NO_STATUS_PUBLISHED, null)));

        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void statusEnumIsDeclaredInPrecedenceOrder() {
        assertThat(VerificationStatus.values()).containsExactly(
                VerificationStatus.MALFORMED, VerificationStatus.TAMPERED, VerificationStatus.REVOKED,
                VerificationStatus.EXPIRED, VerificationStatus.NOT_RECIPIENT, VerificationStatus.UNKNOWN_ISSUER,
                VerificationStatus.UNVERIFIABLE, VerificationStatus.SELF_DECLARED, VerificationStatus.VERIFIED);
    }

    @Test
    void findsChecksByIdAndKeepsThemImmutable() {
        List<CheckResult> checks = new ArrayList<>(Collections.singletonList(CheckResult.passed(CheckId.FORMAT)));
        VerificationReport report = VerificationReport.of(CHECKED, checks);
        checks.add(failed(CheckId.SIGNATURE));

        assertThat(report.check(CheckId.FORMAT).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(report.check(CheckId.SIGNATURE)).isNull();
        assertThat(report.status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void checkIdsAndOutcomesHaveTheirDesignNames() {
        assertThat(Arrays.stream(CheckId.values()).map(CheckId::id)).containsExactly("format", "signature",
                "issuer-key", "issuer-trust", "recipient", "validity", "status", "holder-binding");
        assertThat(Outcome.INCONCLUSIVE.id()).isEqualTo("inconclusive");
    }
}
