package nl.learnerwallet.server.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.exemption.Dossiers;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.jose.HolderJwt;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * What a share's presentation says as a dossier: its holder (from the holder's own signature,
 * which needs no network), the exemption request when it carries one, and its hash, which
 * decisions must name.
 */
public record Dossier(String holder, ExemptionRequest request, String hash) {

    /** Reads the presentation; holder and request are null when it has none (or none that can be read). */
    public static Dossier of(String presentation) {
        HolderJwt.Checked checked = HolderJwt.verify(presentation.trim(), "vp+jwt", IssuerKeys.offline());
        String holder = null;
        ExemptionRequest request = null;
        if (checked.valid()) {
            holder = checked.jwt().signer();
            JsonNode claim = checked.jwt().payload().path("exemptionRequest");
            if (claim.isObject()) {
                try {
                    request = ExemptionRequest.fromJson(claim);
                } catch (UntrustedInputException unreadable) {
                    request = null;
                }
            }
        }
        return new Dossier(holder, request, Dossiers.hash(presentation));
    }

    /** Whether the share is shown as an exemption dossier: its purpose says so and the learner made a request. */
    public boolean isExemption(String purpose) {
        return "exemption".equals(purpose) && request != null;
    }
}
