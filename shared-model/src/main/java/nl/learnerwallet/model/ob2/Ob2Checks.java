package nl.learnerwallet.model.ob2;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.IdentityHash;
import nl.learnerwallet.model.verify.IssuerTrustCheck;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.ValidityCheck;
import nl.learnerwallet.model.verify.VerificationContext;

/**
 * The checks of an OB 2.0 assertion that need no network once its documents are known: issuer
 * trust, recipient and validity. Run after a fetch, and again offline (an identity added, the
 * trust list changed, time passed) from the stored documents.
 */
public final class Ob2Checks {

    private Ob2Checks() {
    }

    /** Whether the assertion's shape is an OB 2.0 assertion this wallet can work with; null when it is. */
    static CheckResult formatProblem(JsonNode assertion) {
        if (!assertion.isObject()) {
            return CheckResult.failed(CheckId.FORMAT, Reason.BAD_JSON, "the assertion is not a JSON object");
        }
        if (!assertion.path("recipient").isObject() || !assertion.path("recipient").path("identity").isTextual()) {
            return CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "the assertion names no recipient");
        }
        JsonNode badge = assertion.path("badge");
        if (!badge.isTextual() && !badge.isObject()) {
            return CheckResult.failed(CheckId.FORMAT, Reason.NOT_A_CREDENTIAL, "the assertion names no badge class");
        }
        if (assertion.has("expires") && Ob2CardMapper.date(assertion, "expires") == null) {
            return CheckResult.failed(CheckId.FORMAT, Reason.BAD_CLAIM, "the expiry date cannot be read");
        }
        return null;
    }

    public static List<CheckResult> contentChecks(Ob2Documents documents, VerificationContext context) {
        List<CheckResult> checks = new ArrayList<>();
        String issuerId = documents.issuerId();
        if (issuerId == null) {
            checks.add(CheckResult.inconclusive(CheckId.ISSUER_TRUST, Reason.ISSUER_UNREACHABLE,
                    "the issuer profile is not known"));
        } else {
            checks.add(new IssuerTrustCheck(context.trustList()).check(issuerId));
        }
        checks.add(recipient(documents.assertion().path("recipient"), context.identities()));
        checks.add(new ValidityCheck(context.clock()).check(null, Ob2CardMapper.date(documents.assertion(), "expires")));
        return checks;
    }

    /**
     * OB 2.0 IdentityObject: {@code type} email, url, telephone or (edubadges) id — an eduID
     * pseudonym — with the identity plain or hashed ({@code sha256$}/{@code md5$} of identity + salt).
     */
    static CheckResult recipient(JsonNode recipient, RecipientIdentities identities) {
        String identity = recipient.path("identity").asText(null);
        if (identity == null) {
            return CheckResult.passed(CheckId.RECIPIENT, Reason.NO_RECIPIENT_NAMED, "the assertion names no recipient");
        }
        String type = recipient.path("type").asText("email").toLowerCase(Locale.ROOT);
        boolean hashed = recipient.path("hashed").asBoolean(false);
        String salt = recipient.path("salt").isTextual() ? recipient.path("salt").asText() : null;
        List<String> candidates = new ArrayList<>();
        if (type.equals("email")) {
            candidates.addAll(identities.emails());
        } else if (type.equals("url")) {
            candidates.addAll(identities.urls());
            candidates.addAll(identities.dids());
        } else if (type.equals("id") || type.contains("eduid")) {
            candidates.addAll(identities.eduIds());
            candidates.addAll(identities.dids());
        } else {
            candidates.addAll(identities.emails());
            candidates.addAll(identities.eduIds());
            candidates.addAll(identities.urls());
        }
        for (String candidate : candidates) {
            if (IdentityHash.matches(identity, hashed, salt, candidate)) {
                return CheckResult.passed(CheckId.RECIPIENT, Reason.OK, "issued to " + type + " of this learner");
            }
        }
        String hint = type.equals("id")
                ? "issued to an eduID this wallet does not have; add it with `wallet identity add eduid:ID`"
                : "issued to " + (type.equals("url") ? "a URL" : "an e-mail address")
                        + " this wallet does not have; add it with `wallet identity add`";
        if (candidates.isEmpty()) {
            // The learner has given no identity of this kind (edubadges' eduID pseudonym is one a
            // learner rarely knows): the wallet cannot tell, which is not the same as "someone else".
            return CheckResult.inconclusive(CheckId.RECIPIENT, Reason.RECIPIENT_NOT_MATCHED, hint);
        }
        return CheckResult.failed(CheckId.RECIPIENT, Reason.RECIPIENT_NOT_MATCHED, hint);
    }
}
