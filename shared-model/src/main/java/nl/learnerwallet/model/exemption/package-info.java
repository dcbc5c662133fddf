/**
 * Exemption dossiers ("vrijstelling"): what a learner asks another institution's exam committee
 * for ({@link ExemptionRequest}, signed by the learner inside the share's presentation), and the
 * committee's signed answer ({@link ExemptionDecision}, an OB 3.0 credential bound to the dossier by
 * its hash, {@link Dossiers#hash}).
 */
package nl.learnerwallet.model.exemption;
