package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.Reason;

/**
 * Work-experience attestations: an employer checks a learner's request (shared-model's
 * {@link AttestationRequest}, signed with the learner's holder key, so a request altered after it
 * was made is refused) and signs back an OB 3.0 VC-JWT that attests it: issued to the learner's
 * holder DID, {@code achievementType} {@code ext:WorkExperience}, the role as its name and the
 * learner's description as its description, {@code credentialSubject.workExperience} (employer —
 * the organisation's own name —, role, from, to, skills) and {@code credentialSubject.attestationRequest}
 * naming the request, which is how the wallet puts it in the place of the self-declared entry.
 */
public final class Attestations {

    /** Reasons that say the request's signature does not hold, rather than that it is not a request at all. */
    private static final Set<Reason> ALTERED = EnumSet.copyOf(Arrays.asList(Reason.BAD_SIGNATURE, Reason.KID_NOT_ISSUERS,
            Reason.HEADER_KEY_NOT_ISSUERS, Reason.ALGORITHM_NOT_ALLOWED, Reason.KEY_URL_NOT_ALLOWED,
            Reason.UNSUPPORTED_CRITICAL_HEADER, Reason.ISSUER_MISMATCH));

    private final CredentialIssuer issuer;

    public Attestations(Clock clock, SecureRandom random) {
        this.issuer = new CredentialIssuer(clock, random);
    }

    /** An attestation made: the request it answers and the credential issued for it. */
    public record Attestation(AttestationRequest request, IssueResult issued) {
    }

    /**
     * Reads and checks a request: the file's text or the {@code lw-attest:} link.
     *
     * @throws IssuerException {@code ATTESTATION_REQUEST_ALTERED} [reason] when its signature does not
     *     hold, {@code BAD_ATTESTATION_REQUEST} [reason] when what it declares is not valid,
     *     {@code NOT_AN_ATTESTATION_REQUEST} [reason] otherwise
     */
    public static AttestationRequest read(String requestText) {
        try {
            return AttestationRequest.verify(requestText, IssuerKeys.offline());
        } catch (AttestationRequest.InvalidRequestException e) {
            IssuerException.Problem problem = ALTERED.contains(e.reason()) ? IssuerException.Problem.ATTESTATION_REQUEST_ALTERED
                    : e.reason() == Reason.BAD_CLAIM ? IssuerException.Problem.BAD_ATTESTATION_REQUEST
                    : IssuerException.Problem.NOT_AN_ATTESTATION_REQUEST;
            throw new IssuerException(problem, e.getMessage(), e, e.reason().name());
        }
    }

    /** Whether the learner named another employer than the organisation attesting (told apart from case and spacing). */
    public static boolean namesAnotherEmployer(Organisation organisation, AttestationRequest request) {
        return !normalised(organisation.name()).equals(normalised(request.experience().employer()));
    }

    /**
     * Signs the attestation and records it like any credential the organisation issues.
     *
     * @param out the file to write it to, or null for the organisation's {@code issued/}
     * @throws IssuerException as {@link CredentialIssuer#issue(Organisation, IssueRequest, Path)}
     */
    public Attestation attest(Organisation organisation, AttestationRequest request, Path out) {
        WorkExperience experience = request.experience();
        IssueRequest credential = IssueRequest.builder(AchievementKind.WORK_EXPERIENCE)
                .to(request.holder())
                .title(experience.role())
                .description(experience.description())
                .build();
        ObjectNode extras = StrictJson.mapper().createObjectNode();
        ObjectNode work = extras.putObject("workExperience");
        work.put("employer", organisation.name());
        work.put("role", experience.role());
        work.put("from", experience.from().toString());
        if (experience.to() != null) {
            work.put("to", experience.to().toString());
        }
        ArrayNode skills = work.putArray("skills");
        experience.skills().forEach(skills::add);
        extras.put("attestationRequest", request.requestId());
        return new Attestation(request, issuer.issue(organisation, credential, out, extras));
    }

    private static String normalised(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
