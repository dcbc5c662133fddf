/**
 * Getting credentials into the wallet: files chosen or dropped (baked PNG and SVG badges, Open
 * Badges JSON, VC-JWTs, SD-JWT VCs), a pasted or dropped link to a hosted badge, and an OpenID4VCI
 * credential offer ({@code openid-credential-offer://}, pasted or read from a QR image) through
 * {@link nl.learnerwallet.desktop.importing.CredentialOffers}. Everything runs on the wallet's
 * thread with the status bar saying what is being checked.
 */
package nl.learnerwallet.desktop.importing;
