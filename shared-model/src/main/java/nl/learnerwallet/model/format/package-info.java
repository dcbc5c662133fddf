/**
 * Credential formats: finding a credential in imported bytes (by content, never by file name)
 * and mapping Open Badges 3.0 (1EdTech OB 3.0, W3C VC Data Model 1.1 and 2.0) onto the card.
 */
package nl.learnerwallet.model.format;
