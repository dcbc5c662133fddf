/**
 * Baked badges: an Open Badge carried inside its image (Open Badges Baking Specification 2.0 for
 * OB 2.0, OB 3.0 §5.3 for OB 3.0). PNG: an {@code iTXt} chunk with the keyword {@code openbadges}
 * (OB 2.0) or {@code openbadgecredential} (OB 3.0), and the {@code tEXt} {@code openbadges} chunk of
 * older bakers; chunks are walked by their lengths, checked against the bytes present and their
 * CRC, and pixels are never decoded. SVG: an {@code openbadges:assertion} (OB 2.0) or
 * {@code openbadges:credential} (OB 3.0) element in the {@code http://openbadges.org} namespace,
 * parsed as XML without DTDs or entities.
 */
package nl.learnerwallet.model.baked;
