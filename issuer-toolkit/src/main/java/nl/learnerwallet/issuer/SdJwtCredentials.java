package nl.learnerwallet.issuer;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDObjectBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;

/**
 * An SD-JWT VC (RFC 9901 with the IETF SD-JWT VC profile, {@code typ dc+sd-jwt}) issued with
 * com.authlete:sd-jwt. Its type is ours for microcredentials and diplomas, else the EU Learning
 * Credential; its claims are those shared-model's {@code SdJwtCardMapper} reads. Every claim is
 * selectively disclosable except {@code iss}, {@code vct}, {@code iat}, {@code exp}, {@code cnf}
 * (the holder's key, from the did:jwk the credential is issued to) and {@code status}; two decoy
 * digests hide how many claims there are.
 */
final class SdJwtCredentials {

    private static final int DECOYS = 2;

    private SdJwtCredentials() {
    }

    /** @param holderJwk the holder's public key, as JSON members */
    static String sign(Organisation organisation, IssueRequest request, Issuance issuance, Map<String, Object> holderJwk) {
        SDObjectBuilder builder = new SDObjectBuilder();
        builder.putClaim("iss", organisation.issuerId());
        builder.putClaim("vct", request.kind().sdJwtType());
        // Which kind of credential it is, in OB 3.0's word: one SD-JWT type serves badges and more.
        builder.putClaim("achievement_type", request.kind().achievementType());
        builder.putClaim("iat", issuance.signedAt().getEpochSecond());
        if (issuance.validUntil() != null) {
            builder.putClaim("exp", issuance.validUntil().getEpochSecond());
        }
        Map<String, Object> cnf = new LinkedHashMap<>();
        cnf.put("jwk", holderJwk);
        builder.putClaim("cnf", cnf);
        if (issuance.status() != null) {
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("idx", issuance.status().index());
            reference.put("uri", issuance.status().url());
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("status_list", reference);
            builder.putClaim("status", status);
        }
        List<Disclosure> disclosures = new ArrayList<>();
        for (Map.Entry<String, Object> claim : disclosableClaims(organisation, request, issuance).entrySet()) {
            disclosures.add(builder.putSDClaim(claim.getKey(), claim.getValue()));
        }
        builder.putDecoyDigests(DECOYS);
        String jwt;
        try {
            jwt = organisation.sign("dc+sd-jwt", StrictJson.mapper().writeValueAsString(builder.build(true)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the claims always serialise", e);
        }
        StringBuilder compact = new StringBuilder(jwt).append('~');
        for (Disclosure disclosure : disclosures) {
            compact.append(disclosure.getDisclosure()).append('~');
        }
        return compact.toString();
    }

    /** The claims in the order a person reads them, each present only when the request gives it. */
    private static Map<String, Object> disclosableClaims(Organisation organisation, IssueRequest request, Issuance issuance) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("achievement_title", request.title());
        putIfPresent(claims, "achievement_description", request.description());
        putIfPresent(claims, "programme_code", request.programmeCode());
        putIfPresent(claims, "given_name", request.givenName());
        putIfPresent(claims, "family_name", request.familyName());
        claims.put("issuing_authority", organisation.name());
        claims.put("issuing_country", organisation.country());
        claims.put("date_of_issuance", issuance.dateOfIssue().toString());
        if (!request.outcomes().isEmpty()) {
            claims.put("learning_outcomes", new ArrayList<>(request.outcomes()));
        }
        StudyLoad load = request.studyLoad();
        if (load != null) {
            Map<String, Object> workload = new LinkedHashMap<>();
            workload.put(load.unit() == StudyLoad.Unit.ECTS ? "ects" : load.unit() == StudyLoad.Unit.SBU ? "sbu" : "hours",
                    load.amount());
            claims.put("workload", workload);
        }
        if (request.eqf() != null || request.nlqf() != null) {
            Map<String, Object> level = new LinkedHashMap<>();
            if (request.eqf() != null) {
                level.put("eqf", request.eqf());
            }
            putIfPresent(level, "nlqf", request.nlqf());
            claims.put("level", level);
        }
        putIfPresent(claims, "assessment_type", request.assessment());
        putIfPresent(claims, "participation_form", request.participation());
        putIfPresent(claims, "quality_assurance", request.qualityAssurance());
        putIfPresent(claims, "prerequisites", request.prerequisites());
        putIfPresent(claims, "supervision_and_identity_verification", request.supervision());
        putIfPresent(claims, "assessment_grade", request.grade());
        putIfPresent(claims, "integration_stackability", request.stackability());
        putIfPresent(claims, "further_information", request.furtherInfo());
        return claims;
    }

    private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
        if (value != null) {
            claims.put(name, value);
        }
    }
}
