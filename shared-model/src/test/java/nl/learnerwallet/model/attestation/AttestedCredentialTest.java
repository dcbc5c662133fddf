package nl.learnerwallet.model.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

class AttestedCredentialTest {

    private final TestIssuer employer = TestIssuer.es256();

    private String vcJwt(String requestId) {
        ObjectNode payload = DutchCredentials.of(Shape.REGULAR_BADGE, employer).toHolder("did:jwk:holder").payload();
        ObjectNode subject = (ObjectNode) payload.path("vc").path("credentialSubject");
        if (requestId != null) {
            subject.put("attestationRequest", requestId);
        }
        return employer.sign(payload);
    }

    @Test
    void readsTheRequestAVcJwtAnswers() {
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB3_JWT, vcJwt("k3v9w2m8qa"))))
                .isEqualTo("k3v9w2m8qa");
    }

    @Test
    void readsTheRequestADataIntegrityCredentialAnswers() {
        String json = "{\"credentialSubject\":[{\"id\":\"did:jwk:x\",\"attestationRequest\":\"abc\"}],\"proof\":{}}";
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB3_DI, json))).isEqualTo("abc");
    }

    @Test
    void aCredentialThatAnswersNoRequestOrCannotBeReadNamesNone() {
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB3_JWT, vcJwt(null)))).isNull();
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB3_JWT, "eyJ.garbage"))).isNull();
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB3_DI,
                "{\"credentialSubject\":{\"attestationRequest\":42}}"))).isNull();
        assertThat(AttestedCredential.requestId(new ReadCredential(CredentialFormat.OB2_HOSTED, "{}"))).isNull();
    }
}
