package nl.learnerwallet.issuer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import java.time.YearMonth;
import java.util.Arrays;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.testsupport.TestIssuer;

/** Work-experience attestation requests as a learner's wallet makes them: signed with the holder key. */
final class Requests {

    static final WorkExperience EXPERIENCE = new WorkExperience("Werkgever BV", "Junior data-analist",
            YearMonth.of(2025, 9), YearMonth.of(2026, 8), "Dashboards en datakwaliteit voor de afdeling zorg.",
            Arrays.asList("Python", "SQL"));

    private Requests() {
    }

    static String signedBy(TestIssuer holder, String requestId, WorkExperience experience) {
        return holder.sign(new JWSHeader.Builder(holder.algorithm()).type(new JOSEObjectType(AttestationRequest.TYPE))
                .keyID(holder.keyId()).build(), AttestationRequest.payloadJson(holder.did(), requestId, TheWallet.NOW, experience));
    }
}
