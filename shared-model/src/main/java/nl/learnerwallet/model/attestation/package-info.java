/**
 * Work-experience attestation requests: a self-declared entry, signed by the learner's holder key,
 * that an employer checks and signs back as a credential with the issuer toolkit; and which request
 * a signed-back credential answers.
 */
package nl.learnerwallet.model.attestation;
