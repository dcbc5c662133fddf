/**
 * Sharing: the wizard that makes a share link (which credentials, which claims of an SD-JWT VC,
 * how long, how often, for an employer or an exam committee) and then shows its QR code large
 * enough to scan from the screen, the link to copy, and the offline QR code where one fits; and the
 * learner's shares with their state, access log, revocation and the committee's decisions.
 */
package nl.learnerwallet.desktop.share;
