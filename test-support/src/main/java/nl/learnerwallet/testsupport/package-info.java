/**
 * Test support: issuers with real keys that sign Open Badges 3.0 credentials (VC-JWT, W3C VC
 * Data Model 1.1 {@code vc}-claim form and 2.0 form) shaped like real Dutch ones, and hostile
 * tokens for bad-input tests. Used in test scope by every module; the issuer toolkit grows from it.
 */
package nl.learnerwallet.testsupport;
