/**
 * Verifiable presentations as DESIGN.md defines them: a holder-signed JWT ({@code typ} {@code vp+jwt},
 * W3C VC Data Model 2.0 {@code VerifiablePresentation}, VC-JOSE-COSE) whose credentials are
 * {@code EnvelopedVerifiableCredential}s carrying each original as a data URL. The verifier checks
 * the holder's signature, the audience and nonce it was made for, and every credential itself.
 */
package nl.learnerwallet.model.presentation;
