/**
 * Credential formats: finding a credential in imported bytes (by content, never by file name)
 * and mapping Open Badges 3.0 (1EdTech OB 3.0, W3C VC Data Model 1.1 and 2.0) onto the card; and
 * our own {@code self-declared} entries (work experience, diplomas), which no issuer signed.
 */
package nl.learnerwallet.model.format;
