package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.TestIssuer;

/** The fixed time, the learner and the verifier the VC-JWT tests share. */
final class Verifications {

    /** Inside the default validity of DutchCredentials (2026-06-12 to 2031-06-12). */
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The learner's holder DID: the key itself plays no part in these tests. */
    static final String HOLDER = TestIssuer.es256().did();
    static final String LEARNER_EMAIL = "s.devries@student.example.nl";

    private Verifications() {
    }

    static TrustList trustList(String... issuerIds) {
        List<TrustEntry> entries = new ArrayList<>();
        for (String id : issuerIds) {
            entries.add(new TrustEntry(id, "Test issuer", "test", NOW));
        }
        return new TrustList(entries);
    }

    static RecipientIdentities learner() {
        return new RecipientIdentities(Collections.singletonList(HOLDER), Collections.singletonList(LEARNER_EMAIL),
                Collections.<String>emptyList());
    }

    /** The learner's wallet, trusting the given issuers. */
    static VerificationContext trusting(String... issuerIds) {
        return new VerificationContext(trustList(issuerIds), learner(), CLOCK);
    }

    static VerificationContext context(TrustList trust, RecipientIdentities identities) {
        return new VerificationContext(trust, identities, CLOCK);
    }

    static RecipientIdentities emails(String... emails) {
        return new RecipientIdentities(Collections.<String>emptyList(), Arrays.asList(emails),
                Collections.<String>emptyList());
    }

    /** A credential of this shape whose iss and issuer are {@code issuerId}, signed by {@code key} with that {@code kid}. */
    static String signedAs(String issuerId, TestIssuer key, String kid) {
        ObjectNode payload = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, key).payload();
        payload.put("iss", issuerId);
        if (payload.has("vc")) {
            ((ObjectNode) payload.get("vc")).put("issuer", issuerId);
        } else {
            payload.put("issuer", issuerId);
        }
        return key.sign(new JWSHeader.Builder(key.algorithm()).keyID(kid).build(), payload);
    }

    static VerificationReport verify(String token, VerificationContext context) {
        return new VcJwtVerifier(IssuerKeys.offline()).verify(token, context).report();
    }

    /** The reason of a check that must have run. */
    static Reason reason(VerificationReport report, CheckId id) {
        CheckResult check = report.check(id);
        assertThat(check).as("the %s check", id.id()).isNotNull();
        return check.reason();
    }
}
