/**
 * Open Badges 2.0 (IMS Global / 1EdTech Open Badges v2.0, 2018): hosted assertions, whose copy on
 * the issuer's server is authoritative, and signed assertions (a JWS whose key comes only from the
 * issuer profile's {@code publicKey}, with the issuer's {@code revocationList}); recipient identity
 * hashes; and the card read from assertion, badge class and issuer profile, including the edubadges
 * extensions ({@code extensions:ECTSExtension}, {@code EQFExtension}, {@code StudyLoadExtension},
 * {@code LearningOutcomeExtension}, …) and edubadges' badge class types.
 */
package nl.learnerwallet.model.ob2;
