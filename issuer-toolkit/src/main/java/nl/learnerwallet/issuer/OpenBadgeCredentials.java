package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.verify.IdentityHash;

/**
 * An Open Badges 3.0 {@code OpenBadgeCredential} as a VC-JWT in the VC Data Model 2.0 form
 * (VC-JOSE-COSE: the payload is the credential, with {@code iss}, {@code jti}, {@code sub},
 * {@code nbf}, {@code iat} and {@code exp} beside it; {@code typ vc+jwt}). The EU standard elements
 * go where shared-model's {@code Ob3CardMapper} reads them: OB 3.0's own fields first
 * ({@code achievementType}, {@code creditsAvailable} for ECTS, {@code alignment} to EQF and NLQF,
 * {@code humanCode}, {@code result}), extension fields on the achievement for the rest
 * ({@code learningOutcomes}, {@code studyLoad} for SBU and hours, {@code NLQF}, {@code assessment},
 * {@code participationType}, {@code qualityAssurance}, {@code prerequisites}, {@code supervision},
 * {@code integrationStackability}, {@code furtherInformation}).
 */
final class OpenBadgeCredentials {

    static final String VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgeCredentials() {
    }

    /**
     * @param subjectExtras claims to add to {@code credentialSubject} (an attestation's work experience), or null
     */
    static String sign(Organisation organisation, IssueRequest request, Issuance issuance, ObjectNode subjectExtras,
            SecureRandom random) {
        ObjectNode credential = StrictJson.mapper().createObjectNode();
        ArrayNode context = credential.putArray("@context");
        context.add(VC2_CONTEXT);
        context.add(OB3_CONTEXT);
        credential.put("id", issuance.id());
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.set("issuer", organisation.issuerProfile());
        credential.put("validFrom", issuance.validFrom().toString());
        if (issuance.validUntil() != null) {
            credential.put("validUntil", issuance.validUntil().toString());
        }
        credential.put("name", request.title());
        if (request.description() != null) {
            credential.put("description", request.description());
        }
        ObjectNode subject = credential.putObject("credentialSubject");
        String subjectDid = null;
        if (request.to() instanceof Recipient.Did) {
            subjectDid = ((Recipient.Did) request.to()).did();
            subject.put("id", subjectDid);
        }
        subject.putArray("type").add("AchievementSubject");
        if (request.to() instanceof Recipient.Email) {
            subject.putArray("identifier").add(hashedEmail(((Recipient.Email) request.to()).address(), random));
        }
        subject.set("achievement", achievement(request, random));
        if (request.grade() != null) {
            ObjectNode result = subject.putArray("result").addObject();
            result.putArray("type").add("Result");
            result.put("value", request.grade());
        }
        if (subjectExtras != null) {
            subject.setAll(subjectExtras);
        }
        if (issuance.status() != null) {
            credential.set("credentialStatus", statusEntry(issuance.status()));
        }
        credential.put("iss", organisation.issuerId());
        credential.put("jti", issuance.id());
        if (subjectDid != null) {
            credential.put("sub", subjectDid);
        }
        credential.put("nbf", issuance.validFrom().getEpochSecond());
        credential.put("iat", issuance.signedAt().getEpochSecond());
        if (issuance.validUntil() != null) {
            credential.put("exp", issuance.validUntil().getEpochSecond());
        }
        return organisation.sign("vc+jwt", credential.toString());
    }

    /** An OB 3.0 IdentityObject: the address never appears, only its salted SHA-256, which the learner's wallet matches. */
    private static ObjectNode hashedEmail(String address, SecureRandom random) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        StringBuilder salt = new StringBuilder();
        for (byte b : saltBytes) {
            salt.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        ObjectNode identity = StrictJson.mapper().createObjectNode();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", IdentityHash.of("sha256", address, salt.toString()));
        identity.put("identityType", "emailAddress");
        identity.put("hashed", true);
        identity.put("salt", salt.toString());
        return identity;
    }

    private static ObjectNode achievement(IssueRequest request, SecureRandom random) {
        ObjectNode achievement = StrictJson.mapper().createObjectNode();
        achievement.put("id", "urn:uuid:" + CredentialIssuer.randomUuid(random));
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", request.kind().achievementType());
        achievement.put("name", request.title());
        // OB 3.0 requires a description and criteria; the title and the assessment stand in when none is given.
        achievement.put("description", request.description() != null ? request.description() : request.title());
        achievement.putObject("criteria").put("narrative", request.assessment() != null ? request.assessment()
                : request.description() != null ? request.description() : request.title());
        putIfPresent(achievement, "humanCode", request.programmeCode());
        if (!request.outcomes().isEmpty()) {
            ArrayNode outcomes = achievement.putArray("learningOutcomes");
            request.outcomes().forEach(outcomes::add);
        }
        StudyLoad load = request.studyLoad();
        if (load != null && load.unit() == StudyLoad.Unit.ECTS) {
            achievement.put("creditsAvailable", load.amount());
        } else if (load != null) {
            ObjectNode studyLoad = achievement.putObject("studyLoad");
            studyLoad.put("value", load.amount());
            studyLoad.put("unit", load.unit() == StudyLoad.Unit.SBU ? "SBU" : "HOURS");
        }
        if (request.eqf() != null) {
            alignment(achievement, "EQF", request.eqf().toString(), "https://europa.eu/europass/en/description-eight-eqf-levels");
        }
        if (request.nlqf() != null) {
            alignment(achievement, "NLQF", request.nlqf(), "https://www.nlqf.nl/nlqf-niveaus");
            // Read before the alignment, whose code is read as digits only (an "entry" level has none).
            achievement.put("NLQF", request.nlqf());
        }
        putIfPresent(achievement, "assessment", request.assessment());
        putIfPresent(achievement, "participationType", request.participation());
        putIfPresent(achievement, "qualityAssurance", request.qualityAssurance());
        putIfPresent(achievement, "prerequisites", request.prerequisites());
        putIfPresent(achievement, "supervision", request.supervision());
        putIfPresent(achievement, "integrationStackability", request.stackability());
        putIfPresent(achievement, "furtherInformation", request.furtherInfo());
        return achievement;
    }

    private static void alignment(ObjectNode achievement, String framework, String level, String url) {
        ArrayNode alignments = achievement.has("alignment") ? (ArrayNode) achievement.get("alignment")
                : achievement.putArray("alignment");
        ObjectNode alignment = alignments.addObject();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetName", framework + " " + level);
        alignment.put("targetUrl", url);
        alignment.put("targetFramework", framework);
        alignment.put("targetCode", level);
    }

    /** A W3C Bitstring Status List entry, purpose revocation. */
    private static ObjectNode statusEntry(StatusEntry entry) {
        ObjectNode status = StrictJson.mapper().createObjectNode();
        status.put("id", entry.url() + "#" + entry.index());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Long.toString(entry.index()));
        status.put("statusListCredential", entry.url());
        return status;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
