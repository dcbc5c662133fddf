/**
 * Verifiable presentations as DESIGN.md defines them: a holder-signed JWT ({@code typ} {@code vp+jwt},
 * W3C VC Data Model 2.0 {@code VerifiablePresentation}, VC-JOSE-COSE) whose credentials are
 * {@code EnvelopedVerifiableCredential}s carrying each original as a data URL. The verifier checks
 * the holder's signature, the audience and nonce it was made for, and every credential itself.
 *
 * <p>{@link nl.learnerwallet.model.presentation.OfflinePresentation} is a compact presentation's
 * offline QR form, {@code LW1:} with Base45 (RFC 9285) of its zlib stream (RFC 1950).
 */
package nl.learnerwallet.model.presentation;
