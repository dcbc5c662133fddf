package nl.learnerwallet.client.share;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.EnvelopedCredential;

/** Makes the holder-signed {@code vp+jwt} presentations of DESIGN.md. */
public final class Presentations {

    /**
     * A credential as a presentation carries it: its format, the bytes to envelope, and for an
     * SD-JWT the claims the learner chose not to disclose (named in the holder-signed entry, so the
     * page can say exactly what was withheld).
     */
    public record Enveloped(nl.learnerwallet.model.CredentialFormat format, byte[] bytes, List<String> withheld) {

        public Enveloped(nl.learnerwallet.model.CredentialFormat format, byte[] bytes) {
            this(format, bytes, java.util.Collections.<String>emptyList());
        }

        /** What the wallet presents for a stored credential ({@link nl.learnerwallet.client.wallet.Wallet#presentable}). */
        public static Enveloped of(nl.learnerwallet.client.wallet.Wallet wallet, StoredCredential credential) {
            return new Enveloped(credential.format(), wallet.presentable(credential));
        }
    }

    private Presentations() {
    }

    /**
     * @param audience who it is for (for a share, the server's share audience)
     * @param nonce the verifier's nonce
     * @param disclosed identities the learner chose to show so that hashed recipients can be matched
     */
    public static String sign(HolderKey holder, List<Enveloped> credentials, String audience, String nonce,
            Instant issuedAt, Instant expiresAt, List<Identity> disclosed) {
        return sign(holder, credentials, audience, nonce, issuedAt, expiresAt, disclosed, null);
    }

    /**
     * As {@link #sign(HolderKey, List, String, String, Instant, Instant, List)}, for an exemption
     * dossier: the learner's request is signed in as {@code exemptionRequest}, so that the committee
     * decides on what the learner asked and nobody can change it on the way.
     *
     * @param exemption the request, or null
     */
    public static String sign(HolderKey holder, List<Enveloped> credentials, String audience, String nonce,
            Instant issuedAt, Instant expiresAt, List<Identity> disclosed, ExemptionRequest exemption) {
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        payload.putArray("type").add("VerifiablePresentation");
        payload.put("id", "urn:uuid:" + UUID.randomUUID());
        payload.put("holder", holder.did());
        payload.put("iss", holder.did());
        if (audience != null) {
            payload.put("aud", audience);
        }
        if (nonce != null) {
            payload.put("nonce", nonce);
        }
        payload.put("iat", issuedAt.getEpochSecond());
        if (expiresAt != null) {
            payload.put("exp", expiresAt.getEpochSecond());
        }
        ArrayNode entries = payload.putArray("verifiableCredential");
        for (Enveloped credential : credentials) {
            ObjectNode entry = entries.addObject();
            entry.put("@context", "https://www.w3.org/ns/credentials/v2");
            entry.put("id", EnvelopedCredential.dataUrl(credential.format(), credential.bytes()));
            entry.put("type", "EnvelopedVerifiableCredential");
            if (credential.format() == nl.learnerwallet.model.CredentialFormat.SD_JWT_VC) {
                // Always, even empty: "nothing withheld" must not read as "unknown" on the page.
                ArrayNode withheld = entry.putArray("withheldClaims");
                credential.withheld().forEach(withheld::add);
            }
        }
        if (!disclosed.isEmpty()) {
            ArrayNode identities = payload.putArray("disclosedIdentities");
            for (Identity identity : disclosed) {
                identities.addObject().put("type", identity.type().name()).put("value", identity.value());
            }
        }
        if (exemption != null) {
            payload.set("exemptionRequest", exemption.toJson());
        }
        return holder.signJwt("vp+jwt", payload.toString());
    }
}
