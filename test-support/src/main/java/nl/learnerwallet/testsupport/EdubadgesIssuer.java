package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * An edubadges-shaped Open Badges 2.0 issuer at a base URL (usually a {@link LoopbackIssuer}):
 * issuer profile, a microcredential badge class with the edubadges extensions (EQF 6, 5 ECTS,
 * learning outcomes; {@code typeBadgeClass} as in edubadges' expanded badge class), an mbo badge
 * class with a study load in SBU, and assertions to a hashed e-mail or eduID — the shapes of
 * ../shared/testdata/edubadges. Also signs OB 2.0 signed assertions with an RSA key published in
 * the profile's {@code publicKey}.
 */
public final class EdubadgesIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CONTEXT = "https://w3id.org/openbadges/v2";
    public static final String SALT = "8cb5b165a8b65d69a2190093504b6a00";

    private final String base;
    private final TestIssuer signingKey = TestIssuer.rs256();

    public EdubadgesIssuer(String base) {
        this.base = base;
    }

    public String issuerId() {
        return base + "/public/issuers/QVj4L_1jWymUudYw1rtcTA";
    }

    public String badgeId() {
        return base + "/public/badges/JFhfoxUEWPO5rUPZ22CMIA";
    }

    public String mboBadgeId() {
        return base + "/public/badges/mbo-Zorg-240sbu";
    }

    public String keyId() {
        return base + "/public/issuers/QVj4L_1jWymUudYw1rtcTA/key";
    }

    public String revocationListUrl() {
        return base + "/public/issuers/QVj4L_1jWymUudYw1rtcTA/revocations";
    }

    public String assertionUrl(String entityId) {
        return base + "/public/assertions/" + entityId;
    }

    public ObjectNode issuer() {
        ObjectNode issuer = JSON.createObjectNode();
        issuer.put("@context", CONTEXT);
        issuer.put("type", "Issuer");
        issuer.put("name", "Academie Data & AI");
        issuer.put("url", "https://www.hogeschoolvoorbeeld.example/data-ai");
        issuer.put("email", "edubadges@hogeschoolvoorbeeld.example");
        issuer.put("id", issuerId());
        extension(issuer, "InstitutionIdentifier", "99ZZ");
        extension(issuer, "InstitutionName", "Hogeschool Voorbeeld");
        extension(issuer, "InstitutionCountry", "NL");
        issuer.put("publicKey", keyId());
        issuer.put("revocationList", revocationListUrl());
        return issuer;
    }

    public ObjectNode microcredential() {
        ObjectNode badge = JSON.createObjectNode();
        badge.put("@context", CONTEXT);
        badge.put("type", "BadgeClass");
        badge.put("name", "Data-analyse met Python");
        badge.put("description", "Microcredential voor professionals die data willen leren analyseren met Python.");
        badge.put("id", badgeId());
        badge.put("issuer", issuerId());
        badge.put("image", badgeId() + "/image");
        badge.putObject("criteria").put("narrative", "Alle practica, het eindportfolio en het tentamen behaald.");
        extension(badge, "Language", "nl_NL");
        extension(badge, "LearningOutcome", "Na afronding kan de deelnemer een dataset opschonen, analyseren en rapporteren met pandas.");
        badge.putObject("extensions:EQFExtension").put("@context", base + "/static/extensions/EQFExtension/context.json")
                .put("EQF", 6).putArray("type").add("Extension").add("extensions:EQFExtension");
        badge.putObject("extensions:ECTSExtension").put("@context", base + "/static/extensions/ECTSExtension/context.json")
                .put("ECTS", 5).putArray("type").add("Extension").add("extensions:ECTSExtension");
        badge.put("stackable", true);
        badge.put("typeBadgeClass", "micro_credential");
        badge.put("participation", "blended");
        badge.put("assessmentType", "portfolio_assessment,written_exam");
        badge.put("assessmentSupervised", true);
        badge.put("assessmentIdVerified", true);
        badge.put("qualityAssuranceName", "Kwaliteitskader Microcredentials voor Professionals HBO en WO");
        return badge;
    }

    public ObjectNode mboMicrocredential() {
        ObjectNode badge = microcredential();
        badge.put("id", mboBadgeId());
        badge.put("name", "Basis zorgtechnologie");
        badge.remove("extensions:ECTSExtension");
        badge.putObject("extensions:StudyLoadExtension").put("StudyLoad", 240)
                .putArray("type").add("Extension").add("extensions:StudyLoadExtension");
        badge.putObject("extensions:EQFExtension").put("EQF", 4)
                .putArray("type").add("Extension").add("extensions:EQFExtension");
        return badge;
    }

    /** A hosted assertion to a salted, hashed e-mail address, expiring in 2031 like edubadges' example. */
    public ObjectNode assertion(String entityId, String email) {
        return assertion(entityId, "email", sha256(email.toLowerCase(java.util.Locale.ROOT) + SALT), badgeId());
    }

    public ObjectNode assertion(String entityId, String type, String identityHash, String badgeUrl) {
        ObjectNode assertion = JSON.createObjectNode();
        assertion.put("@context", CONTEXT);
        assertion.put("type", "Assertion");
        assertion.put("id", assertionUrl(entityId));
        assertion.put("badge", badgeUrl);
        assertion.putObject("verification").put("type", "HostedBadge");
        ArrayNode evidence = assertion.putArray("evidence");
        evidence.addObject().put("type", "Evidence").put("name", "Eindportfolio Data-analyse met Python");
        assertion.put("issuedOn", "2026-06-09T08:14:27.512893+00:00");
        assertion.put("expires", "2031-06-09T22:00:00+00:00");
        ObjectNode recipient = assertion.putObject("recipient");
        recipient.put("hashed", true);
        recipient.put("type", type);
        recipient.put("identity", identityHash);
        recipient.put("salt", SALT);
        return assertion;
    }

    /** Serves the issuer profile, both badge classes, the signing key and an empty revocation list. */
    public EdubadgesIssuer publish(LoopbackIssuer server) {
        server.json(path(issuerId()), issuer().toString());
        server.json(path(badgeId()), microcredential().toString());
        server.json(path(mboBadgeId()), mboMicrocredential().toString());
        server.json(path(keyId()), cryptographicKey().toString());
        server.json(path(revocationListUrl()), revocationList().toString());
        return this;
    }

    /** Serves the assertion at its id and returns that URL. */
    public String publish(LoopbackIssuer server, ObjectNode assertion) {
        String url = assertion.path("id").asText();
        server.json(path(url), assertion.toString());
        return url;
    }

    public ObjectNode cryptographicKey() {
        ObjectNode key = JSON.createObjectNode();
        key.put("@context", CONTEXT);
        key.put("type", "CryptographicKey");
        key.put("id", keyId());
        key.put("owner", issuerId());
        try {
            byte[] spki = ((RSAKey) signingKey.publicJwk()).toRSAPublicKey().getEncoded();
            key.put("publicKeyPem", "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(spki)
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    public ObjectNode revocationList(String... revokedIds) {
        ObjectNode list = JSON.createObjectNode();
        list.put("@context", CONTEXT);
        list.put("type", "RevocationList");
        list.put("id", revocationListUrl());
        list.put("issuer", issuerId());
        ArrayNode revoked = list.putArray("revokedAssertions");
        for (String id : revokedIds) {
            revoked.addObject().put("id", id).put("revocationReason", "issued in error");
        }
        return list;
    }

    /** An OB 2.0 signed assertion (JWS, RS256) by this issuer's published key. */
    public String signed(ObjectNode assertion) {
        ObjectNode payload = assertion.deepCopy();
        payload.put("id", "urn:uuid:" + java.util.UUID.nameUUIDFromBytes(assertion.path("id").asText().getBytes(StandardCharsets.UTF_8)));
        payload.putObject("verification").put("type", "SignedBadge").put("creator", keyId());
        return signingKey.sign(new JWSHeader.Builder(signingKey.algorithm()).build(), payload);
    }

    /** Signs with a key the issuer does not publish. */
    public String signedByStranger(ObjectNode assertion) {
        ObjectNode payload = assertion.deepCopy();
        payload.putObject("verification").put("type", "SignedBadge").put("creator", keyId());
        TestIssuer stranger = TestIssuer.rs256();
        return stranger.sign(new JWSHeader.Builder(stranger.algorithm()).build(), payload);
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("sha256$");
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String path(String url) {
        return java.net.URI.create(url).getRawPath();
    }

    private void extension(ObjectNode node, String name, String value) {
        ObjectNode extension = node.putObject("extensions:" + name + "Extension");
        extension.put("@context", base + "/static/extensions/" + name + "Extension/context.json");
        extension.putArray("type").add("Extension").add("extensions:" + name + "Extension");
        extension.put(name, value);
    }
}
