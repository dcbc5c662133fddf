/**
 * Test support: issuers with real keys that sign Open Badges 3.0 credentials (VC-JWT, W3C VC
 * Data Model 1.1 {@code vc}-claim form and 2.0 form) shaped like real Dutch ones, and hostile
 * tokens for bad-input tests; a real HTTP(S) issuer on loopback ({@link nl.learnerwallet.testsupport.LoopbackIssuer})
 * with edubadges-shaped Open Badges 2.0 documents ({@link nl.learnerwallet.testsupport.EdubadgesIssuer})
 * and baked PNG/SVG badges ({@link nl.learnerwallet.testsupport.BadgeBaker}). Used in test scope by every module; the issuer toolkit grows from it.
 */
package nl.learnerwallet.testsupport;
