/**
 * Exemption dossiers on the server: what the learner's presentation asks ({@link
 * nl.learnerwallet.model.exemption.ExemptionRequest}), and the exam committee's signed decisions
 * ({@link nl.learnerwallet.model.exemption.ExemptionDecision}, OB 3.0 VC-JWTs) posted to the share
 * link, verified, bound to the dossier by its hash, kept append-only and sealed under the token.
 */
package nl.learnerwallet.server.dossier;
