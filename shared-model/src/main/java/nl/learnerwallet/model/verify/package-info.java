/**
 * Verification as a report of named checks ({@code format}, {@code signature}, {@code issuer-key},
 * {@code issuer-trust}, {@code recipient}, {@code validity}, {@code status},
 * {@code holder-binding}), each passed, failed with a reason or inconclusive, summarised in
 * DESIGN.md's status order. Every check takes its time from an injected {@link java.time.Clock}.
 */
package nl.learnerwallet.model.verify;
