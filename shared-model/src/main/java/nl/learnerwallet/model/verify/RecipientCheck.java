package nl.learnerwallet.model.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the credential was issued to this learner: the subject's DID is one of the holder's, or
 * a subject identifier (OB 3.0 IdentityObject: e-mail, eduID, …) hashes to one of the learner's
 * identities. A credential that names no recipient passes with {@code NO_RECIPIENT_NAMED}; one
 * that names someone the wallet does not know fails, with a hint to add the identity.
 */
public final class RecipientCheck {

    private final RecipientIdentities identities;

    public RecipientCheck(RecipientIdentities identities) {
        this.identities = identities;
    }

    /** @param subject the credentialSubject object (or array of them) */
    public CheckResult check(JsonNode subject) {
        List<JsonNode> subjects = new ArrayList<>();
        if (subject != null && subject.isArray()) {
            subject.forEach(subjects::add);
        } else if (subject != null && subject.isObject()) {
            subjects.add(subject);
        }
        boolean named = false;
        for (JsonNode each : subjects) {
            String id = each.path("id").asText(null);
            if (id != null) {
                named = true;
                if (identities.dids().contains(id)) {
                    return CheckResult.passed(CheckId.RECIPIENT, Reason.OK, "issued to this wallet's holder key");
                }
            }
            for (JsonNode identifier : identifiers(each)) {
                named = true;
                if (matches(identifier)) {
                    return CheckResult.passed(CheckId.RECIPIENT, Reason.OK,
                            "issued to " + identifier.path("identityType").asText("an identity") + " of this learner");
                }
            }
        }
        if (!named) {
            return CheckResult.passed(CheckId.RECIPIENT, Reason.NO_RECIPIENT_NAMED, "the credential names no recipient");
        }
        return CheckResult.failed(CheckId.RECIPIENT, Reason.RECIPIENT_NOT_MATCHED,
                "issued to an identity this wallet does not have; add it with `wallet identity add`");
    }

    private static List<JsonNode> identifiers(JsonNode subject) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode identifier = subject.path("identifier");
        if (identifier.isArray()) {
            identifier.forEach(out::add);
        } else if (identifier.isObject()) {
            out.add(identifier);
        }
        return out;
    }

    private boolean matches(JsonNode identifier) {
        String hash = identifier.path("identityHash").asText(null);
        boolean hashed = identifier.path("hashed").asBoolean(true);
        String salt = identifier.path("salt").asText(null);
        String type = identifier.path("identityType").asText("").toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        if (type.contains("email")) {
            candidates.addAll(identities.emails());
        } else if (type.contains("eduid") || type.equals("identifier") || type.equals("id")) {
            candidates.addAll(identities.eduIds());
        } else {
            candidates.addAll(identities.emails());
            candidates.addAll(identities.eduIds());
            candidates.addAll(identities.dids());
        }
        for (String candidate : candidates) {
            if (IdentityHash.matches(hash, hashed, salt, candidate)) {
                return true;
            }
        }
        return false;
    }
}
