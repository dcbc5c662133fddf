package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.learnerwallet.model.jose.DidWebResolver;
import nl.learnerwallet.model.jose.JwtVcIssuerMetadataResolver;
import nl.learnerwallet.model.json.StrictJson;

/**
 * The documents a hosted organisation publishes so that anyone can find its key: the DID document
 * of a did:web (W3C DID Core, a {@code JsonWebKey2020} verification method listed under
 * {@code assertionMethod}), its OB 3.0 issuer {@code Profile} with the same key (served at the
 * issuer id for an https issuer, where OB 3.0 verifiers look), its JWK set, and for an https
 * issuer the JWT VC Issuer Metadata (SD-JWT VC) with the key set inline. Written where shared-model's
 * resolvers fetch them from ({@link DidWebResolver#documentUrl}, {@link JwtVcIssuerMetadataResolver#metadataUrl}).
 */
final class PublishedDocuments {

    private static final String OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final String VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    private PublishedDocuments() {
    }

    static void writeAll(Organisation organisation) {
        String base = organisation.baseUrl();
        if (base == null) {
            return;
        }
        String issuer = organisation.issuerId();
        if (issuer.startsWith("did:web:")) {
            AtomicFiles.writeJson(organisation.publicFile(DidWebResolver.documentUrl(issuer)), didDocument(organisation));
            AtomicFiles.writeJson(organisation.publicFile(base + "/issuer.json"), profile(organisation));
        } else {
            AtomicFiles.writeJson(organisation.publicFile(issuer + "/"), profile(organisation));
            AtomicFiles.writeJson(organisation.publicFile(JwtVcIssuerMetadataResolver.metadataUrl(issuer)),
                    jwtVcIssuerMetadata(organisation));
        }
        AtomicFiles.writeJson(organisation.publicFile(base + "/jwks.json"), keySet(organisation));
    }

    static ObjectNode didDocument(Organisation organisation) {
        ObjectNode document = StrictJson.mapper().createObjectNode();
        ArrayNode context = document.putArray("@context");
        context.add("https://www.w3.org/ns/did/v1");
        context.add("https://w3id.org/security/suites/jws-2020/v1");
        document.put("id", organisation.issuerId());
        addKey(document, organisation);
        return document;
    }

    /** The OB 3.0 issuer profile, with the key as a verification method (for issuer-profile key lookup). */
    static ObjectNode profile(Organisation organisation) {
        ObjectNode profile = StrictJson.mapper().createObjectNode();
        ArrayNode context = profile.putArray("@context");
        context.add(VC2_CONTEXT);
        context.add(OB3_CONTEXT);
        profile.setAll(organisation.issuerProfile());
        profile.put("url", organisation.baseUrl());
        addKey(profile, organisation);
        return profile;
    }

    static ObjectNode keySet(Organisation organisation) {
        ObjectNode set = StrictJson.mapper().createObjectNode();
        set.putArray("keys").add(publicJwk(organisation));
        return set;
    }

    static ObjectNode jwtVcIssuerMetadata(Organisation organisation) {
        ObjectNode metadata = StrictJson.mapper().createObjectNode();
        metadata.put("issuer", organisation.issuerId());
        metadata.set("jwks", keySet(organisation));
        return metadata;
    }

    private static void addKey(ObjectNode document, Organisation organisation) {
        ObjectNode method = document.putArray("verificationMethod").addObject();
        method.put("id", organisation.keyId());
        method.put("type", "JsonWebKey2020");
        method.put("controller", organisation.issuerId());
        method.set("publicKeyJwk", StrictJson.mapper().valueToTree(organisation.key().publicJwk(null)));
        document.putArray("assertionMethod").add(organisation.keyId());
    }

    private static ObjectNode publicJwk(Organisation organisation) {
        String keyId = organisation.keyId();
        return StrictJson.mapper().valueToTree(organisation.key().publicJwk(keyId.substring(keyId.indexOf('#') + 1)));
    }
}
