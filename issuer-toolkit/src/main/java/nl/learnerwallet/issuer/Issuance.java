package nl.learnerwallet.issuer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The facts of one issuing that the request does not hold: the credential's id, when it is signed,
 * the validity the dates come to, and its status entry (or null).
 */
record Issuance(String id, Instant signedAt, LocalDate dateOfIssue, Instant validFrom, Instant validUntil,
        StatusEntry status) {
}
