package nl.learnerwallet.testsupport;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDObjectBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues SD-JWT VCs for tests (and the sample credentials) with com.authlete:sd-jwt: visible
 * claims, selectively disclosable claims (nested ones as their own disclosable objects), decoys,
 * the holder's key in {@code cnf}, signed by a {@link TestIssuer}.
 */
public final class SdJwtIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestIssuer issuer;

    public SdJwtIssuer(TestIssuer issuer) {
        this.issuer = issuer;
    }

    public Credential credential(String vct) {
        return new Credential(vct);
    }

    /** An EU Learning Credential with every claim disclosable but the ones that must stay visible. */
    public Credential euLearningCredential(JWK holder) {
        Credential credential = credential("urn:eu.europa.ec.eudi:learning:credential:1").holder(holder);
        credential.disclosable("issuing_authority", "Hogeschool Utrecht");
        credential.disclosable("issuing_country", "NL");
        credential.disclosable("date_of_issuance", "2026-06-30");
        credential.disclosable("family_name", "Jansen");
        credential.disclosable("given_name", "Sanne");
        credential.disclosable("achievement_title", "Data Science Basics");
        credential.disclosable("achievement_description", "Hands-on introduction to data analysis with Python.");
        List<String> outcomes = new ArrayList<>();
        outcomes.add("Cleans and explores a data set with pandas");
        outcomes.add("Explains a regression model to a client");
        credential.disclosable("learning_outcomes", outcomes);
        credential.disclosable("assessment_grade", "8.1");
        return credential;
    }

    /** Our microcredential type, every EU standard element present, level and workload nested. */
    public Credential microcredential(JWK holder) {
        Credential credential = credential("urn:learnerwallet:microcredential:1").holder(holder);
        credential.disclosable("achievement_title", "Circulaire bouwtechniek");
        credential.disclosable("issuing_authority", "Hogeschool Rotterdam");
        credential.visible("issuing_country", "NL");
        credential.disclosable("date_of_issuance", "2026-09-01");
        credential.disclosable("given_name", "Daan");
        credential.disclosable("family_name", "de Vries");
        List<String> outcomes = new ArrayList<>();
        outcomes.add("Beoordeelt materialen op herbruikbaarheid");
        credential.disclosable("learning_outcomes", outcomes);
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("ects", 5);
        credential.disclosable("workload", workload);
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("eqf", 6);
        level.put("nlqf", "6");
        credential.disclosable("level", level);
        credential.disclosable("assessment_type", "Portfolio met criteriumgericht interview");
        credential.disclosable("participation_form", "Online, deeltijd");
        credential.disclosable("quality_assurance", "NVAO-geaccrediteerde opleiding; pilot microcredentials");
        credential.disclosable("supervision_and_identity_verification", "Onder toezicht, identiteit gecontroleerd");
        credential.disclosable("assessment_grade", "7.5");
        return credential;
    }

    /** Our diploma type: an hbo bachelor with its CROHO code, level and grade. */
    public Credential diploma(JWK holder) {
        Credential credential = credential("urn:learnerwallet:diploma:1").holder(holder);
        credential.disclosable("achievement_title", "Bachelor HBO-ICT");
        credential.disclosable("programme_code", "CROHO 34479");
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("eqf", 6);
        level.put("nlqf", "6");
        credential.disclosable("level", level);
        credential.disclosable("issuing_authority", "Hogeschool Utrecht");
        credential.visible("issuing_country", "NL");
        credential.disclosable("date_of_issuance", "2026-07-03");
        credential.disclosable("given_name", "Sanne");
        credential.disclosable("family_name", "Jansen");
        credential.disclosable("assessment_grade", "cum laude");
        return credential;
    }

    /** One credential being put together; {@link #issue()} signs it. */
    public final class Credential {
        private final Map<String, Object> visible = new LinkedHashMap<>();
        private final Map<String, Object> disclosable = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> nestedDisclosable = new LinkedHashMap<>();
        private String typ = "dc+sd-jwt";
        private String kid = issuer.keyId();
        private int decoys = 2;

        private Credential(String vct) {
            visible.put("iss", issuer.did());
            visible.put("vct", vct);
            visible.put("iat", Instant.parse("2026-06-30T10:00:00Z").getEpochSecond());
        }

        public Credential visible(String name, Object value) {
            visible.put(name, value);
            return this;
        }

        public Credential disclosable(String name, Object value) {
            disclosable.put(name, value);
            return this;
        }

        /** A visible object whose own claims are each disclosable (RFC 9901 structured disclosure). */
        public Credential disclosableInside(String object, String name, Object value) {
            nestedDisclosable.computeIfAbsent(object, key -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Credential holder(JWK holder) {
            if (holder == null) {
                visible.remove("cnf");
                return this;
            }
            Map<String, Object> cnf = new LinkedHashMap<>();
            cnf.put("jwk", holder.toPublicJWK().toJSONObject());
            visible.put("cnf", cnf);
            return this;
        }

        public Credential expires(Instant when) {
            visible.put("exp", when.getEpochSecond());
            return this;
        }

        public Credential typ(String value) {
            this.typ = value;
            return this;
        }

        /** The header's {@code kid}, e.g. the key id an HTTPS issuer's JWT VC issuer metadata names. */
        public Credential kid(String value) {
            this.kid = value;
            return this;
        }

        public Credential decoys(int count) {
            this.decoys = count;
            return this;
        }

        /** The issued compact form: {@code <issuer-jwt>~<disclosure>~...~}. */
        public String issue() {
            SDObjectBuilder builder = new SDObjectBuilder();
            List<Disclosure> disclosures = new ArrayList<>();
            for (Map.Entry<String, Object> claim : visible.entrySet()) {
                builder.putClaim(claim.getKey(), claim.getValue());
            }
            for (Map.Entry<String, Map<String, Object>> object : nestedDisclosable.entrySet()) {
                SDObjectBuilder inner = new SDObjectBuilder();
                for (Map.Entry<String, Object> claim : object.getValue().entrySet()) {
                    disclosures.add(inner.putSDClaim(claim.getKey(), claim.getValue()));
                }
                builder.putClaim(object.getKey(), inner.build());
            }
            for (Map.Entry<String, Object> claim : disclosable.entrySet()) {
                disclosures.add(builder.putSDClaim(claim.getKey(), claim.getValue()));
            }
            builder.putDecoyDigests(decoys);
            Map<String, Object> payload = builder.build(true);
            JWSHeader header = new JWSHeader.Builder(issuer.algorithm()).type(new JOSEObjectType(typ))
                    .keyID(kid).build();
            String jwt;
            try {
                jwt = issuer.sign(header, JSON.writeValueAsString(payload));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            StringBuilder compact = new StringBuilder(jwt).append('~');
            for (Disclosure disclosure : disclosures) {
                compact.append(disclosure.getDisclosure()).append('~');
            }
            return compact.toString();
        }
    }
}
