package nl.learnerwallet.model;

import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.format.Ob3CardMapper;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;

/** Verifies a credential of any supported format and reads its card. Thread-safe. */
public final class CredentialVerifier {

    private final VcJwtVerifier vcJwt;

    public CredentialVerifier(IssuerKeyResolver keys) {
        this.vcJwt = new VcJwtVerifier(keys);
    }

    /** What verification found: the report, and the card when the credential could be read. */
    public record Verified(CredentialFormat format, VerificationReport report, CredentialCard card) {
    }

    /** Never throws for a bad credential: problems are checks in the report. */
    public Verified verify(ReadCredential credential, VerificationContext context) {
        if (credential.format() != CredentialFormat.OB3_JWT) {
            throw new IllegalArgumentException("no verifier for " + credential.format().id() + " yet");
        }
        VcJwtVerifier.Result result = vcJwt.verify(credential.encoded(), context);
        VcJwt jwt = result.credential();
        CredentialCard card = jwt == null ? null
                : Ob3CardMapper.map(jwt.credential(), jwt.issuerId(), jwt.issuedOn(), jwt.validFrom(), jwt.validUntil());
        return new Verified(credential.format(), result.report(), card);
    }
}
