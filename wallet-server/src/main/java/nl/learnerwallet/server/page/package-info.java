/**
 * The pages at {@code /s/{token}}: what an employer sees after scanning a QR code. Server-rendered
 * HTML in Dutch or English (WCAG 2.1 AA, no JavaScript), JSON for {@code Accept: application/json},
 * and the raw presentation. Every credential is verified again at view time. Unknown, expired,
 * revoked and used-up links all look the same to the public.
 */
package nl.learnerwallet.server.page;
