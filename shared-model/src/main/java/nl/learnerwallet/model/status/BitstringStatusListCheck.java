package nl.learnerwallet.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.VcJwt;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.CredentialFormatException;
import nl.learnerwallet.model.verify.Reason;

/**
 * Looks a {@code BitstringStatusListEntry} up: fetches {@code statusListCredential}, which must be a
 * VC-JWT signed by the credential's own issuer (keys from the same resolvers), with a matching
 * {@code statusPurpose}, and reads bit {@code statusListIndex}. A set bit fails the check as
 * REVOKED ({@code revocation}) or SUSPENDED ({@code suspension}). Anything that keeps the list from
 * being read is inconclusive. Only {@code statusSize} 1 is supported.
 */
public final class BitstringStatusListCheck {

    private final GuardedFetcher fetcher;
    private final IssuerKeyResolver keys;

    public BitstringStatusListCheck(GuardedFetcher fetcher, IssuerKeyResolver keys) {
        this.fetcher = fetcher;
        this.keys = keys;
    }

    public static boolean handles(JsonNode credentialStatus) {
        JsonNode entry = credentialStatus.isArray() && credentialStatus.size() == 1 ? credentialStatus.get(0) : credentialStatus;
        String type = entry.path("type").asText("");
        return type.equals("BitstringStatusListEntry") || type.equals("StatusList2021Entry");
    }

    public CheckResult check(JsonNode credentialStatus, String issuerId) {
        JsonNode entry = credentialStatus.isArray() ? credentialStatus.get(0) : credentialStatus;
        String purpose = entry.path("statusPurpose").asText("");
        String listUrl = entry.path("statusListCredential").asText(null);
        long index;
        try {
            index = Long.parseLong(entry.path("statusListIndex").asText("").trim());
        } catch (NumberFormatException e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID, "the status index is not a number");
        }
        if (listUrl == null || entry.path("statusSize").asInt(1) != 1) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID, "unsupported status entry");
        }
        String token;
        try {
            token = new String(fetcher.fetch(listUrl).body(), java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (FetchException e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_NOT_CHECKABLE,
                    "the status list could not be fetched (" + e.problem() + ")");
        }
        VcJwt list;
        try {
            list = VcJwt.parse(token);
        } catch (CredentialFormatException e) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID,
                    "the status list is not a VC-JWT");
        }
        if (!issuerId.equals(list.issuerId()) || !IssuerSignature.signedBy(keys, issuerId, token)) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID,
                    "the status list is not signed by the credential's issuer");
        }
        JsonNode subject = list.credential().path("credentialSubject");
        String listPurpose = subject.path("statusPurpose").asText("");
        if (!listPurpose.equals(purpose)) {
            return CheckResult.inconclusive(CheckId.STATUS, Reason.STATUS_LIST_INVALID, "the status list has another purpose");
        }
        try {
            BitstringStatusList bits = BitstringStatusList.decode(subject.path("encodedList").asText(""));
            if (!bits.isSet(index)) {
                return CheckResult.passed(CheckId.STATUS, Reason.OK, "not " + purpose + " in the status list");
            }
        } catch (InvalidStatusListException e) {
            return CheckResult.inconclusive(CheckId.STATUS, e.reason(), e.getMessage());
        }
        if (purpose.equals("suspension")) {
            return CheckResult.failed(CheckId.STATUS, Reason.SUSPENDED, "suspended in the issuer's status list");
        }
        if (purpose.equals("revocation")) {
            return CheckResult.failed(CheckId.STATUS, Reason.REVOKED, "revoked in the issuer's status list");
        }
        return CheckResult.passed(CheckId.STATUS, Reason.OK, "status message set (" + purpose + ")");
    }
}
