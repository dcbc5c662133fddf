package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Open Badges 3.0 credentials shaped like real Dutch ones: microcredentials of the national pilot
 * (an hbo unit of 5 EC at EQF 6, an mbo unit of 240 SBU at EQF 4, a wo unit of 6 EC at EQF 7) with
 * learning outcomes, assessment, participation and quality assurance; a regular and an
 * extra-curricular badge; a diploma. Build one, adjust it, then sign it with a {@link TestIssuer}.
 */
public final class DutchCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shapes of credential this class can make. */
    public enum Shape {
        HBO_MICROCREDENTIAL, MBO_MICROCREDENTIAL, WO_MICROCREDENTIAL, REGULAR_BADGE, EXTRACURRICULAR_BADGE, DIPLOMA
    }

    private final Shape shape;
    private final TestIssuer issuer;
    private String subjectDid;
    private String recipientEmail;
    private Instant validFrom = Instant.parse("2026-06-12T09:30:00Z");
    private Instant validUntil = Instant.parse("2031-06-12T22:00:00Z");
    private boolean vcClaimForm = true;

    private DutchCredentials(Shape shape, TestIssuer issuer) {
        this.shape = shape;
        this.issuer = issuer;
    }

    public static DutchCredentials of(Shape shape, TestIssuer issuer) {
        return new DutchCredentials(shape, issuer);
    }

    /** Issue to the holder's DID (credentialSubject.id). */
    public DutchCredentials toHolder(String did) {
        this.subjectDid = did;
        return this;
    }

    /** Issue to a hashed e-mail address (an OB 3.0 IdentityObject, as edubadges does). */
    public DutchCredentials toEmail(String email) {
        this.recipientEmail = email;
        return this;
    }

    public DutchCredentials validFrom(Instant value) {
        this.validFrom = value;
        return this;
    }

    public DutchCredentials validUntil(Instant value) {
        this.validUntil = value;
        return this;
    }

    /** The VC 2.0 (VC-JOSE-COSE) form: the payload is the credential itself, typ vc+jwt. */
    public DutchCredentials vc2Form() {
        this.vcClaimForm = false;
        return this;
    }

    public String title() {
        switch (shape) {
            case HBO_MICROCREDENTIAL: return "Data-analyse met Python";
            case MBO_MICROCREDENTIAL: return "Basisvaardigheden zorgtechnologie";
            case WO_MICROCREDENTIAL: return "Responsible AI in Practice";
            case REGULAR_BADGE: return "Academisch schrijven";
            case EXTRACURRICULAR_BADGE: return "Studentassessor opleidingscommissie";
            default: return "Bachelor HBO-ICT";
        }
    }

    /** The credential object (what the {@code vc} claim holds). */
    public ObjectNode credential() {
        ObjectNode vc = JSON.createObjectNode();
        ArrayNode context = vc.putArray("@context");
        context.add(vcClaimForm ? "https://www.w3.org/2018/credentials/v1" : "https://www.w3.org/ns/credentials/v2");
        context.add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        vc.put("id", "urn:uuid:" + UUID.randomUUID());
        ArrayNode type = vc.putArray("type");
        type.add("VerifiableCredential");
        type.add("OpenBadgeCredential");
        ObjectNode issuerNode = vc.putObject("issuer");
        issuerNode.put("id", issuer.did());
        issuerNode.putArray("type").add("Profile");
        issuerNode.put("name", institution());
        issuerNode.putObject("address").put("addressCountryCode", "NL").putArray("type").add("Address");
        if (vcClaimForm) {
            vc.put("issuanceDate", validFrom.toString());
            if (validUntil != null) {
                vc.put("expirationDate", validUntil.toString());
            }
        } else {
            vc.put("validFrom", validFrom.toString());
            if (validUntil != null) {
                vc.put("validUntil", validUntil.toString());
            }
        }
        vc.put("name", title());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.putArray("type").add("AchievementSubject");
        if (subjectDid != null) {
            subject.put("id", subjectDid);
        }
        if (recipientEmail != null) {
            String salt = "8cb5b165a8b65d69a2190093504b6a00";
            ObjectNode identity = subject.putArray("identifier").addObject();
            identity.put("type", "IdentityObject");
            identity.put("identityHash", "sha256$" + sha256(recipientEmail + salt));
            identity.put("hashed", true);
            identity.put("identityType", "emailAddress");
            identity.put("salt", salt);
        }
        subject.set("achievement", achievement());
        if (shape == Shape.DIPLOMA) {
            ObjectNode result = subject.putArray("result").addObject();
            result.putArray("type").add("Result");
            result.put("value", "cum laude");
        }
        return vc;
    }

    /** The JWT payload: the {@code vc}-claim form with iss/sub/nbf/exp, or the VC 2.0 form. */
    public ObjectNode payload() {
        ObjectNode vc = credential();
        if (!vcClaimForm) {
            vc.put("iss", issuer.did());
            return vc;
        }
        ObjectNode payload = JSON.createObjectNode();
        payload.put("iss", issuer.did());
        if (subjectDid != null) {
            payload.put("sub", subjectDid);
        }
        payload.put("jti", vc.path("id").asText());
        payload.put("nbf", validFrom.getEpochSecond());
        payload.put("iat", validFrom.getEpochSecond());
        if (validUntil != null) {
            payload.put("exp", validUntil.getEpochSecond());
        }
        payload.set("vc", vc);
        return payload;
    }

    /** Signed by the issuer, as a compact VC-JWT. */
    public String signed() {
        if (vcClaimForm) {
            return issuer.sign(payload());
        }
        return issuer.sign(issuer.header().type(new com.nimbusds.jose.JOSEObjectType("vc+jwt")).build(), payload());
    }

    /** Expired a year ago, valid for the five years before. */
    public DutchCredentials expired() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return validFrom(now.minus(6 * 365, ChronoUnit.DAYS)).validUntil(now.minus(365, ChronoUnit.DAYS));
    }

    /** Valid only from a month from now. */
    public DutchCredentials notYetValid() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return validFrom(now.plus(30, ChronoUnit.DAYS)).validUntil(now.plus(5 * 365, ChronoUnit.DAYS));
    }

    private String institution() {
        switch (shape) {
            case MBO_MICROCREDENTIAL: return "ROC Midden Nederland";
            case WO_MICROCREDENTIAL: return "Universiteit Utrecht";
            default: return "Hogeschool Utrecht";
        }
    }

    private ObjectNode achievement() {
        ObjectNode achievement = JSON.createObjectNode();
        achievement.put("id", "https://badges.example.nl/achievements/" + shape.name().toLowerCase());
        achievement.putArray("type").add("Achievement");
        achievement.put("name", title());
        achievement.put("inLanguage", shape == Shape.WO_MICROCREDENTIAL ? "en" : "nl");
        switch (shape) {
            case HBO_MICROCREDENTIAL:
                microcredential(achievement, 6, "5", null,
                        "Je analyseert een dataset uit je werkpraktijk met pandas.",
                        "Je visualiseert resultaten met matplotlib en licht ze toe aan collega's.",
                        "Je beoordeelt de kwaliteit van data en benoemt beperkingen van je analyse.");
                achievement.put("fieldOfStudy", "Informatica");
                break;
            case MBO_MICROCREDENTIAL:
                microcredential(achievement, 4, null, "240",
                        "Je bedient zorgdomotica en alarmeringssystemen bij een client thuis.",
                        "Je signaleert storingen en meldt ze volgens protocol.");
                achievement.put("fieldOfStudy", "Zorg en welzijn");
                break;
            case WO_MICROCREDENTIAL:
                microcredential(achievement, 7, "6", null,
                        "Analyse the societal impact of an AI system using an ethics framework.",
                        "Design an audit for bias in a machine-learning pipeline.",
                        "Argue a governance recommendation to a non-specialist board.");
                achievement.put("fieldOfStudy", "Artificial Intelligence");
                break;
            case REGULAR_BADGE:
                achievement.put("achievementType", "Badge");
                achievement.put("description", "Je schrijft een wetenschappelijk betoog volgens APA-richtlijnen.");
                achievement.putObject("criteria").put("narrative", "Eindopdracht met een voldoende afgerond.");
                break;
            case EXTRACURRICULAR_BADGE:
                achievement.put("achievementType", "ext:ExtraCurricular");
                achievement.put("description", "Een jaar lid van de opleidingscommissie als studentassessor.");
                achievement.putObject("criteria").put("narrative", "Tien vergaderingen bijgewoond en een advies geschreven.");
                break;
            default:
                achievement.put("achievementType", "Diploma");
                achievement.put("description", "Bachelor of Science, CROHO 30020.");
                achievement.put("humanCode", "CROHO 30020");
                achievement.put("creditsAvailable", 240);
                achievement.putObject("criteria").put("narrative", "Alle onderdelen van het examenprogramma behaald.");
                alignment(achievement, "EQF", "6");
                alignment(achievement, "NLQF", "6");
        }
        return achievement;
    }

    private static void microcredential(ObjectNode achievement, int eqf, String ects, String sbu, String... outcomes) {
        achievement.put("achievementType", "MicroCredential");
        achievement.put("description", "Microcredential binnen de landelijke pilot, met externe kwaliteitsborging.");
        achievement.putObject("criteria").put("narrative",
                "Praktijkopdracht en eindportfolio met een voldoende beoordeeld.");
        if (ects != null) {
            achievement.put("creditsAvailable", Double.parseDouble(ects));
        } else {
            ObjectNode load = achievement.putObject("studyLoad");
            load.put("value", Integer.parseInt(sbu));
            load.put("unit", "SBU");
        }
        alignment(achievement, "EQF", Integer.toString(eqf));
        alignment(achievement, "NLQF", Integer.toString(eqf));
        ArrayNode learningOutcomes = achievement.putArray("learningOutcomes");
        for (String outcome : outcomes) {
            learningOutcomes.add(outcome);
        }
        ObjectNode assessment = achievement.putObject("assessment");
        assessment.put("type", "Praktijkopdracht en schriftelijk tentamen");
        achievement.put("participationType", "blended");
        achievement.put("qualityAssurance", "Intern: examencommissie; extern: NVAO-accreditatie en pilot-kwaliteitskader");
        achievement.put("supervision", "Gesurveilleerd tentamen met identiteitscontrole");
        achievement.put("integrationStackability", "Stapelbaar binnen de minor Data Science");
        achievement.put("prerequisites", "Geen");
    }

    private static void alignment(ObjectNode achievement, String framework, String code) {
        ArrayNode alignments = achievement.has("alignment") ? (ArrayNode) achievement.get("alignment")
                : achievement.putArray("alignment");
        ObjectNode alignment = alignments.addObject();
        alignment.putArray("type").add("Alignment");
        alignment.put("targetName", framework + " niveau " + code);
        alignment.put("targetUrl", "https://europa.eu/europass/en/" + framework.toLowerCase() + "/" + code);
        alignment.put("targetFramework", framework);
        alignment.put("targetCode", code);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
